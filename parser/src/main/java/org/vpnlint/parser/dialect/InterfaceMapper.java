package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.TunnelSettings;
import org.vpnlint.parser.ConfigNode;

/**
 * {@code interfaces} → {@link NetInterface}s: addresses (IPv4 and IPv6, {@code dhcp}, {@code dhcpv6}), PPPoE,
 * VLANs, and the endpoints of GRE/IPIP/SIT tunnels in both spellings ({@code local-ip}/{@code remote-ip} of 1.2
 * and EdgeOS, {@code source-address}/{@code remote} from 1.3; the dialect detector warns about the wrong one).
 */
final class InterfaceMapper {
    /** Interface settings that do not change addressing, routing or filtering. */
    private static final Set<String> NOT_RELEVANT = Set.of(
            "description",
            "mtu",
            "hw-id",
            "mac",
            "duplex",
            "speed",
            "ip",
            "ipv6",
            "dhcpv6-options",
            "redirect",
            "traffic-policy",
            "offload",
            "offload-options",
            "ring-buffer",
            "smp-affinity",
            "smp_affinity",
            "eapol",
            "mirror",
            "qos-policy",
            "flow-control",
            "link-detect",
            "disable-link-detect",
            "disable-flow-control",
            "arp-monitor",
            "mode",
            "hash-policy",
            "member",
            "primary",
            "min-links",
            "lacp-rate",
            "system-mac",
            "stp",
            "aging",
            "forwarding-delay",
            "hello-time",
            "max-age",
            "priority",
            "igmp",
            "enable-vlan",
            "bridge-group",
            "switch-port",
            "ethernet-switch",
            "multicast",
            "enable-multicast",
            "xdp",
            "policy",
            "protocol",
            "authentication",
            "user-id",
            "password",
            "default-route-distance",
            "name-server",
            "no-peer-dns",
            "connect-on-demand",
            "idle-timeout",
            "service-name",
            "access-concentrator",
            "holdoff",
            "host-uniq",
            "mru",
            "local-address",
            "remote-address",
            "ipv6-address",
            "egress-qos",
            "ingress-qos",
            "vlan-protocol",
            "ethertype",
            "kernel-options",
            "dhcp-interface",
            "physical-address",
            "source-interface");
    /** Children that name other interfaces or belong to other mappers. */
    private static final Set<String> READ_ELSEWHERE = Set.of("vif", "vif-s", "vif-c", "pppoe", "firewall");

    private final MappingContext context;

    InterfaceMapper(MappingContext context) {
        this.context = context;
    }

    List<NetInterface> map(ConfigNode interfaces) {
        List<NetInterface> result = new ArrayList<>();
        for (ConfigNode typeNode : interfaces.children()) {
            if (!ConfiguredInterface.knownType(typeNode.word()))
                context.problems().unsupported(typeNode);
        }
        for (ConfiguredInterface configured : ConfiguredInterface.all(interfaces)) result.add(map(configured));
        return result;
    }

    private NetInterface map(ConfiguredInterface configured) {
        ConfigSection section = new ConfigSection(configured.node(), context.problems());
        section.ignore(NOT_RELEVANT.toArray(String[]::new));
        section.ignore(READ_ELSEWHERE.toArray(String[]::new));
        boolean disabled = section.flag("disable");
        List<IPAddress> addresses = new ArrayList<>();
        boolean dhcp = false;
        boolean dhcpv6 = false;
        ConfigNode addressNode = section.leaf("address");
        if (addressNode != null) {
            for (String value : addressNode.values()) {
                if (value.equals("dhcp")) dhcp = true;
                else if (value.equals("dhcpv6")) dhcpv6 = true;
                else addAddress(addressNode, value, addresses);
            }
        }
        boolean pppoe = configured.kind() == InterfaceKind.PPPOE;
        boolean defaultRoute = (dhcp || pppoe) && !refusesDefaultRoute(section);
        TunnelSettings tunnel = configured.kind() == InterfaceKind.TUNNEL ? tunnel(section) : null;
        if (fullyModelled(configured.kind())) {
            section.finish();
        } else {
            context.problems()
                    .unsupported(
                            configured.node(),
                            "only the addresses of '" + section.path() + "' are analysed by vpnlint");
        }
        return new NetInterface(
                configured.name(),
                configured.kind(),
                addresses,
                dhcp || dhcpv6 || pppoe,
                defaultRoute,
                tunnel,
                disabled,
                configured.node().location());
    }

    private void addAddress(ConfigNode addressNode, String value, List<IPAddress> addresses) {
        try {
            addresses.add(AddressSyntax.interfaceAddress(value));
        } catch (InvalidValue e) {
            context.problems().invalidValue(addressNode, value, e.getMessage());
        }
    }

    /**
     * Whether a DHCP or PPPoE interface is told not to install the default route it learns:
     * {@code no-default-route} (PPPoE 1.3+), {@code dhcp-options no-default-route} (1.3+),
     * {@code default-route none} (PPPoE 1.2/EdgeOS), {@code dhcp-options default-route no-update} (EdgeOS).
     */
    private static boolean refusesDefaultRoute(ConfigSection section) {
        if (section.flag("no-default-route")) return true;
        if ("none".equals(section.value("default-route"))) return true;
        ConfigNode dhcpOptions = section.leaf("dhcp-options");
        if (dhcpOptions == null) return false;
        ConfigNode defaultRoute = dhcpOptions.child("default-route");
        return dhcpOptions.has("no-default-route")
                || (defaultRoute != null && "no-update".equals(ConfigSection.valueOf(defaultRoute)));
    }

    private TunnelSettings tunnel(ConfigSection section) {
        String encapsulation = section.value("encapsulation");
        if (encapsulation == null) {
            context.problems()
                    .invalid(
                            section.node(),
                            "'" + section.path() + "' has no encapsulation (VyOS requires one); vpnlint assumes gre");
            encapsulation = "gre";
        } else if (encapsulation.equals("gre-bridge")) {
            encapsulation = "gretap"; // the 1.2 name, renamed by interfaces 19-to-20
        }
        IPAddress local = endpoint(section, "source-address", "local-ip");
        IPAddress remote = endpoint(section, "remote", "remote-ip");
        String sourceInterface = section.value("source-interface");
        Integer key = null;
        ConfigSection parameters = section.section("parameters");
        if (parameters != null) {
            ConfigSection ip = parameters.section("ip");
            if (ip != null) {
                key = key(ip);
                ip.ignore("ttl", "tos", "no-pmtu-discovery", "ignore-df");
                ip.finish();
            }
            parameters.ignore("ipv6", "erspan");
            parameters.finish();
        }
        section.ignore("6rd-prefix", "6rd-relay-prefix");
        return new TunnelSettings(encapsulation, local, remote, sourceInterface, key);
    }

    /** An outer tunnel address, in the 1.3+ spelling or the 1.2/EdgeOS one. */
    private IPAddress endpoint(ConfigSection section, String word, String oldWord) {
        ConfigNode node = section.leaf(word);
        if (node == null) node = section.leaf(oldWord);
        if (node == null || ConfigSection.valueOf(node) == null) return null;
        try {
            return AddressSyntax.host(ConfigSection.valueOf(node));
        } catch (InvalidValue e) {
            context.problems().invalidValue(node, ConfigSection.valueOf(node), e.getMessage());
            return null;
        }
    }

    private Integer key(ConfigSection ip) {
        ConfigNode node = ip.leaf("key");
        if (node == null || ConfigSection.valueOf(node) == null) return null;
        try {
            long key = Long.parseLong(ConfigSection.valueOf(node));
            if (key >= 0 && key <= 0xFFFFFFFFL) return (int) key;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        context.problems().invalidValue(node, ConfigSection.valueOf(node), "not a GRE key (0 to 4294967295)");
        return null;
    }

    private static boolean fullyModelled(InterfaceKind kind) {
        return kind != InterfaceKind.WIREGUARD && kind != InterfaceKind.OPENVPN && kind != InterfaceKind.OTHER;
    }
}
