package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** EdgeOS's groups named after interfaces, for names the file does not define; null in other dialects. */
    private InterfaceAddressGroups builtIn;

    static final FirewallGroups NONE = new FirewallGroups();

    private static final Map<String, String> ADDRESS_MEMBER_WORD = Map.of(
            "address-group",
            "address",
            "ipv6-address-group",
            "address",
            "network-group",
            "network",
            "ipv6-network-group",
            "network");

    private FirewallGroups() {}

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
                    // immutable, so that every rule naming the group shares this one list (AddressMatch keeps it
                    // as it is) and later stages can compute what it stands for once per group
                    resolved.put(
                            group.word(),
                            List.copyOf(members(
                                    typeNode,
                                    group,
                                    type.getValue(),
                                    ADDRESS_MEMBER,
                                    new LinkedHashSet<>(),
                                    problems)));
                }
            }
            groups.addressGroups.put(type.getKey(), resolved);
        }
        ConfigNode portNode = section.leaf("port-group");
        if (portNode != null) {
            for (ConfigNode group : portNode.children()) {
                groups.portGroups.put(
                        group.word(), members(portNode, group, "port", PORT_MEMBER, new LinkedHashSet<>(), problems));
            }
        }
        ConfigNode interfaceNode = section.leaf("interface-group");
        if (interfaceNode != null) {
            for (ConfigNode group : interfaceNode.children()) {
                groups.interfaceGroups.put(
                        group.word(),
                        members(interfaceNode, group, "interface", INTERFACE_MEMBER, new LinkedHashSet<>(), problems));
            }
        }
        section.finish();
        return groups;
    }

    /** The ranges of an address or network group ("address-group", "ipv6-network-group", ...), or null if undefined. */
    List<IPAddressSeqRange> addresses(String groupType, String name) {
        return addressGroups.getOrDefault(groupType, Map.of()).get(name);
    }

    /**
     * The same groups, plus EdgeOS's built-in {@code ADDRv4_}/{@code NETv4_} groups read from these interfaces. A
     * group the file defines keeps its definition.
     */
    FirewallGroups withInterfaceAddressGroups(InterfaceAddressGroups groups) {
        FirewallGroups copy = new FirewallGroups();
        copy.addressGroups.putAll(addressGroups);
        copy.portGroups.putAll(portGroups);
        copy.interfaceGroups.putAll(interfaceGroups);
        copy.builtIn = groups;
        return copy;
    }

    /** A built-in group's reading, when {@code name} names one in this dialect and the file defines no such group. */
    Optional<InterfaceAddressGroups.Reading> builtInAddresses(String name) {
        return builtIn == null ? Optional.empty() : builtIn.read(name);
    }

    List<PortRange> ports(String name) {
        return portGroups.get(name);
    }

    List<String> interfaces(String name) {
        return interfaceGroups.get(name);
    }

    /** How one member value of a group type becomes what the group stands for. */
    private interface MemberSyntax<T> {
        List<T> parse(String member) throws InvalidValue;
    }

    private static final MemberSyntax<IPAddressSeqRange> ADDRESS_MEMBER =
            member -> List.of(AddressSyntax.range(member));
    private static final MemberSyntax<PortRange> PORT_MEMBER =
            member -> PortSyntax.match(member).ranges();
    private static final MemberSyntax<String> INTERFACE_MEMBER = List::of;

    /**
     * The members of {@code group} and of the groups it includes. Problems are reported only for the group
     * being resolved ({@code visiting} has one element), so an included group's are not repeated; a cycle,
     * which VyOS rejects at commit, ends the recursion.
     */
    private static <T> List<T> members(
            ConfigNode typeNode,
            ConfigNode group,
            String memberWord,
            MemberSyntax<T> syntax,
            Set<String> visiting,
            MappingProblems problems) {
        List<T> members = new ArrayList<>();
        if (!visiting.add(group.word())) return members;
        boolean report = visiting.size() == 1;
        ConfigSection section = new ConfigSection(group, problems);
        ConfigNode leaf = section.leaf(memberWord);
        for (String member : leaf == null ? List.<String>of() : leaf.values()) {
            try {
                members.addAll(syntax.parse(member));
            } catch (InvalidValue e) {
                if (report) problems.invalidValue(leaf, member, e.getMessage());
            }
        }
        for (String included : section.values("include")) {
            ConfigNode other = typeNode.child(included);
            if (other != null) members.addAll(members(typeNode, other, memberWord, syntax, visiting, problems));
            else if (report) problems.invalidValue(group.child("include"), included, "no such group");
        }
        section.ignore("description");
        if (report) section.finish();
        return members;
    }
}
