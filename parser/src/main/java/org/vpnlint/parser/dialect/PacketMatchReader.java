package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.parser.ConfigNode;

/**
 * Reads the conditions NAT and firewall rules share: {@code source}/{@code destination} (address or nat66
 * prefix, port, group references) and {@code protocol}, and the interface conditions
 * ({@code outbound-interface eth0} before 1.4, {@code outbound-interface name|group X} from 1.4).
 * and the ICMP type and TCP flags conditions ({@link HeaderDetailReader}).
 * A value that does not parse is reported and left out, so the condition is wider than written; the
 * diagnostic says so and the rule records it as an approximation ({@link MappingProblems#widened}).
 */
final class PacketMatchReader {
    private final FirewallGroups groups;

    PacketMatchReader(FirewallGroups groups) {
        this.groups = groups;
    }

    PacketMatch read(ConfigSection rule, boolean ipv6) {
        ConfigSection source = rule.section("source");
        ConfigSection destination = rule.section("destination");
        Side from = source == null ? Side.ANY : side(source, ipv6);
        Side to = destination == null ? Side.ANY : side(destination, ipv6);
        return new PacketMatch(
                from.address, to.address, protocol(rule), from.port, to.port, HeaderDetailReader.read(rule));
    }

    /** The interface condition under {@code word}; a missing node matches every interface. */
    InterfaceMatch interfaceMatch(ConfigSection rule, String word) {
        ConfigNode node = rule.leaf(word);
        if (node == null) return InterfaceMatch.ANY;
        ConfigNode name = node.child("name");
        ConfigNode interfaceName = node.child("interface-name");
        ConfigNode group = node.child("group");
        boolean structured = (name != null && !name.isLeafWord())
                || (interfaceName != null && !interfaceName.isLeafWord())
                || (group != null && !group.isLeafWord());
        if (!structured) return interfaceByName(ConfigSection.valueOf(node));
        ConfigSection section = new ConfigSection(node, rule.problems());
        String byName = section.value("name");
        if (byName == null) byName = section.value("interface-name");
        String byGroup = section.value("group");
        section.finish();
        if (byName != null) return interfaceByName(byName);
        boolean negated = byGroup.startsWith("!");
        String groupName = negated ? byGroup.substring(1) : byGroup;
        List<String> members = groups.interfaces(groupName);
        if (members == null) {
            rule.problems()
                    .widened(
                            node.child("group"),
                            byGroup,
                            "no such interface-group; the rule is read as matching any interface");
            return InterfaceMatch.ANY;
        }
        if (members.isEmpty()) {
            // an empty group matches no interface; "*" matches every name, so "not *" is "no interface"
            return negated ? InterfaceMatch.ANY : new InterfaceMatch(List.of("*"), true);
        }
        return new InterfaceMatch(members, negated);
    }

    private static InterfaceMatch interfaceByName(String value) {
        if (value == null || value.equals("any")) return InterfaceMatch.ANY;
        if (value.startsWith("!")) return new InterfaceMatch(List.of(value.substring(1)), true);
        return InterfaceMatch.of(value);
    }

    private ProtocolMatch protocol(ConfigSection rule) {
        ConfigNode node = rule.leaf("protocol");
        if (node == null || ConfigSection.valueOf(node) == null) return ProtocolMatch.ANY;
        try {
            return ProtocolSyntax.match(ConfigSection.valueOf(node));
        } catch (InvalidValue e) {
            rule.problems()
                    .widened(
                            node,
                            ConfigSection.valueOf(node),
                            e.getMessage() + "; the rule is read as matching any protocol");
            return ProtocolMatch.ANY;
        }
    }

    private record Side(AddressMatch address, PortMatch port) {
        static final Side ANY = new Side(AddressMatch.ANY, PortMatch.ANY);
    }

    private Side side(ConfigSection side, boolean ipv6) {
        List<AddressMatch> addresses = new ArrayList<>();
        List<PortMatch> ports = new ArrayList<>();
        for (String word : List.of("address", "prefix")) {
            ConfigNode node = side.leaf(word);
            if (node == null || ConfigSection.valueOf(node) == null) continue;
            try {
                addresses.add(AddressSyntax.match(ConfigSection.valueOf(node)));
            } catch (InvalidValue e) {
                side.problems()
                        .widened(
                                node,
                                ConfigSection.valueOf(node),
                                e.getMessage() + "; the rule is read as matching any address");
            }
        }
        ConfigNode port = side.leaf("port");
        if (port != null && ConfigSection.valueOf(port) != null) {
            try {
                ports.add(PortSyntax.match(ConfigSection.valueOf(port)));
            } catch (InvalidValue e) {
                side.problems()
                        .widened(
                                port,
                                ConfigSection.valueOf(port),
                                e.getMessage() + "; the rule is read as matching any port");
            }
        }
        ConfigSection group = side.section("group");
        if (group != null) {
            groupReferences(group, ipv6, addresses, ports);
            group.finish();
        }
        side.ignore("description");
        side.finish();
        return new Side(first(side, addresses, AddressMatch.ANY, "address"), first(side, ports, PortMatch.ANY, "port"));
    }

    private void groupReferences(
            ConfigSection group, boolean ipv6, List<AddressMatch> addresses, List<PortMatch> ports) {
        for (String type : List.of("address-group", "network-group", "ipv6-address-group", "ipv6-network-group")) {
            ConfigNode node = group.leaf(type);
            if (node == null || ConfigSection.valueOf(node) == null) continue;
            String reference = ConfigSection.valueOf(node);
            boolean negated = reference.startsWith("!");
            String name = negated ? reference.substring(1) : reference;
            List<IPAddressSeqRange> ranges =
                    ipv6 && !type.startsWith("ipv6-") ? groups.addresses("ipv6-" + type, name) : null;
            if (ranges == null) ranges = groups.addresses(type, name);
            if (ranges == null && !ipv6 && type.equals("address-group")) {
                var builtIn = groups.builtInAddresses(name);
                if (builtIn.isPresent()) {
                    builtInGroup(group, node, reference, negated, builtIn.get(), addresses);
                    continue;
                }
            }
            if (ranges == null) {
                group.problems()
                        .widened(node, reference, "no such " + type + "; the rule is read as matching any address");
                continue;
            }
            addresses.add(
                    ranges.isEmpty()
                            ? emptyGroup(negated, type + " " + reference)
                            : new AddressMatch(ranges, negated, type + " " + reference));
        }
        ConfigNode portGroup = group.leaf("port-group");
        if (portGroup != null && ConfigSection.valueOf(portGroup) != null) {
            String reference = ConfigSection.valueOf(portGroup);
            boolean negated = reference.startsWith("!");
            List<PortRange> ranges = groups.ports(negated ? reference.substring(1) : reference);
            if (ranges == null) {
                group.problems()
                        .widened(portGroup, reference, "no such port-group; the rule is read as matching any port");
            } else {
                // an empty group matches no port; "not in an empty group" matches every port
                ports.add(
                        ranges.isEmpty()
                                ? new PortMatch(List.of(new PortRange(0, 65535)), !negated)
                                : new PortMatch(ranges, negated));
            }
        }
    }

    /**
     * A reference to an EdgeOS built-in group ({@link InterfaceAddressGroups}). Unknown contents: the condition is
     * dropped, so the rule is wider whether or not it is negated. Several addresses read as all of them, while the
     * set may hold fewer: "in the set" is read wider, "not in the set" narrower.
     */
    private static void builtInGroup(
            ConfigSection group,
            ConfigNode node,
            String reference,
            boolean negated,
            InterfaceAddressGroups.Reading reading,
            List<AddressMatch> addresses) {
        String reason = "'" + NodePath.of(node) + " " + reference + "': " + reading.reason();
        if (reading.ranges() == null) {
            group.problems().approximate(node, Approximation.wider(reason + "; read as any address", node.location()));
            return;
        }
        addresses.add(new AddressMatch(reading.ranges(), negated, "address-group " + reference));
        if (reading.exact()) return;
        group.problems()
                .approximate(
                        node,
                        negated
                                ? Approximation.narrower(reason, node.location())
                                : Approximation.wider(reason, node.location()));
    }

    /**
     * An empty group matches no address (nft: an empty set). AddressMatch reads "no ranges" as "any", so
     * "nothing" is written as "not in any address", and a negated empty group as "any".
     */
    private static AddressMatch emptyGroup(boolean negated, String text) {
        if (negated) return new AddressMatch(List.of(), false, text);
        return new AddressMatch(List.of(EVERY_IPV4, EVERY_IPV6), true, text);
    }

    private static final IPAddressSeqRange EVERY_IPV4 =
            new IPAddressString("0.0.0.0/0").getAddress().toSequentialRange();
    private static final IPAddressSeqRange EVERY_IPV6 =
            new IPAddressString("::/0").getAddress().toSequentialRange();

    /** VyOS accepts one address condition and one port condition per side; more are reported, the first is used. */
    private static <T> T first(ConfigSection side, List<T> conditions, T none, String what) {
        if (conditions.isEmpty()) return none;
        if (conditions.size() > 1) {
            side.problems()
                    .invalid(
                            side.node(),
                            "'" + side.path() + "' has more than one " + what
                                    + " condition (VyOS rejects an address together with a group); vpnlint uses the first");
            side.problems()
                    .approximate(
                            side.node(),
                            Approximation.wider(
                                    "'" + side.path() + "' has more than one " + what
                                            + " condition; only the first was read",
                                    side.location()));
        }
        return conditions.get(0);
    }
}
