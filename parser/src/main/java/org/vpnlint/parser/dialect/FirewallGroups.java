package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.model.PortRange;
import org.vpnlint.parser.ConfigNode;

/**
 * The {@code firewall group} definitions NAT and firewall rules refer to (same path in 1.2 to 1.5 and EdgeOS):
 * {@code address-group G address <ip|range>}, {@code network-group G network <prefix>}, their {@code ipv6-}
 * twins, {@code port-group G port <port|name|range>} and {@code interface-group G interface <name>}. 1.4
 * {@code include H} nesting is flattened. Members that do not parse are reported once, here.
 */
final class FirewallGroups {
    /** What a group resolves to, by group type. */
    private final Map<String, Map<String, List<IPAddressSeqRange>>> addressGroups = new HashMap<>();
    private final Map<String, List<PortRange>> portGroups = new HashMap<>();
    private final Map<String, List<String>> interfaceGroups = new HashMap<>();

    static final FirewallGroups NONE = new FirewallGroups();

    private static final Map<String, String> ADDRESS_MEMBER_WORD = Map.of(
            "address-group", "address", "ipv6-address-group", "address",
            "network-group", "network", "ipv6-network-group", "network");

    private FirewallGroups() {
    }

    /** Reads {@code firewall group}; null means there is none. */
    static FirewallGroups read(ConfigNode groupNode, MappingProblems problems) {
        FirewallGroups groups = new FirewallGroups();
        if (groupNode == null) return groups;
        ConfigSection section = new ConfigSection(groupNode, problems);
        for (Map.Entry<String, String> type : ADDRESS_MEMBER_WORD.entrySet()) {
            Map<String, List<IPAddressSeqRange>> resolved = new HashMap<>();
            ConfigNode typeNode = section.leaf(type.getKey());
            if (typeNode != null) {
                for (ConfigNode group : typeNode.children()) {
                    resolved.put(group.word(), addressMembers(typeNode, group, type.getValue(), new LinkedHashSet<>(), problems));
                }
            }
            groups.addressGroups.put(type.getKey(), resolved);
        }
        ConfigNode portNode = section.leaf("port-group");
        if (portNode != null) {
            for (ConfigNode group : portNode.children()) {
                groups.portGroups.put(group.word(), portMembers(portNode, group, new LinkedHashSet<>(), problems));
            }
        }
        ConfigNode interfaceNode = section.leaf("interface-group");
        if (interfaceNode != null) {
            for (ConfigNode group : interfaceNode.children()) {
                groups.interfaceGroups.put(group.word(), interfaceMembers(interfaceNode, group, new LinkedHashSet<>(), problems));
            }
        }
        section.finish();
        return groups;
    }

    /** The ranges of an address or network group ("address-group", "ipv6-network-group", ...), or null if undefined. */
    List<IPAddressSeqRange> addresses(String groupType, String name) {
        return addressGroups.getOrDefault(groupType, Map.of()).get(name);
    }

    List<PortRange> ports(String name) {
        return portGroups.get(name);
    }

    List<String> interfaces(String name) {
        return interfaceGroups.get(name);
    }

    private static List<IPAddressSeqRange> addressMembers(ConfigNode typeNode, ConfigNode group, String memberWord,
                                                          Set<String> visiting, MappingProblems problems) {
        List<IPAddressSeqRange> ranges = new ArrayList<>();
        if (!visiting.add(group.word())) return ranges; // a cycle; VyOS rejects it at commit
        ConfigSection section = new ConfigSection(group, problems);
        ConfigNode members = section.leaf(memberWord);
        boolean report = visiting.size() == 1; // members of included groups are reported where they are defined
        if (members != null) {
            for (String member : members.values()) {
                try {
                    ranges.add(AddressSyntax.range(member));
                } catch (InvalidValue e) {
                    if (report) problems.invalidValue(members, member, e.getMessage());
                }
            }
        }
        for (String included : section.values("include")) {
            ConfigNode other = typeNode.child(included);
            if (other != null) ranges.addAll(addressMembers(typeNode, other, memberWord, visiting, problems));
            else if (report) problems.invalidValue(section.leaf("include"), included, "no such group");
        }
        section.ignore("description");
        if (report) section.finish();
        return ranges;
    }

    private static List<PortRange> portMembers(ConfigNode typeNode, ConfigNode group, Set<String> visiting,
                                               MappingProblems problems) {
        List<PortRange> ranges = new ArrayList<>();
        if (!visiting.add(group.word())) return ranges;
        ConfigSection section = new ConfigSection(group, problems);
        ConfigNode members = section.leaf("port");
        boolean report = visiting.size() == 1;
        if (members != null) {
            for (String member : members.values()) {
                try {
                    ranges.addAll(PortSyntax.match(member).ranges());
                } catch (InvalidValue e) {
                    if (report) problems.invalidValue(members, member, e.getMessage());
                }
            }
        }
        for (String included : section.values("include")) {
            ConfigNode other = typeNode.child(included);
            if (other != null) ranges.addAll(portMembers(typeNode, other, visiting, problems));
            else if (report) problems.invalidValue(section.leaf("include"), included, "no such group");
        }
        section.ignore("description");
        if (report) section.finish();
        return ranges;
    }

    private static List<String> interfaceMembers(ConfigNode typeNode, ConfigNode group, Set<String> visiting,
                                                 MappingProblems problems) {
        List<String> names = new ArrayList<>();
        if (!visiting.add(group.word())) return names;
        ConfigSection section = new ConfigSection(group, problems);
        names.addAll(section.values("interface"));
        for (String included : section.values("include")) {
            ConfigNode other = typeNode.child(included);
            if (other != null) names.addAll(interfaceMembers(typeNode, other, visiting, problems));
        }
        section.ignore("description");
        if (visiting.size() == 1) section.finish();
        return names;
    }
}
