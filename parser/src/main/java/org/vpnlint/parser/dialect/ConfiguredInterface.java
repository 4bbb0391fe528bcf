package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.parser.ConfigNode;

/**
 * One Linux interface the {@code interfaces} tree configures, with the Linux name it gets: {@code ethernet eth0
 * vif 10} is eth0.10, {@code vif-s 100 vif-c 20} is eth0.100.20, and the EdgeOS/1.2 {@code ethernet eth0
 * pppoe 0} is pppoe0. Both the interface mapper and the firewall attachments walk interfaces this way.
 */
record ConfiguredInterface(String name, InterfaceKind kind, String type, ConfigNode node) {

    private static final Map<String, InterfaceKind> KINDS = Map.ofEntries(
            Map.entry("ethernet", InterfaceKind.ETHERNET), Map.entry("bonding", InterfaceKind.BONDING),
            Map.entry("bridge", InterfaceKind.BRIDGE), Map.entry("switch", InterfaceKind.SWITCH),
            Map.entry("dummy", InterfaceKind.DUMMY), Map.entry("loopback", InterfaceKind.LOOPBACK),
            Map.entry("tunnel", InterfaceKind.TUNNEL), Map.entry("vti", InterfaceKind.VTI),
            Map.entry("pppoe", InterfaceKind.PPPOE), Map.entry("wireguard", InterfaceKind.WIREGUARD),
            Map.entry("openvpn", InterfaceKind.OPENVPN), Map.entry("pseudo-ethernet", InterfaceKind.OTHER),
            Map.entry("vxlan", InterfaceKind.OTHER), Map.entry("geneve", InterfaceKind.OTHER),
            Map.entry("l2tpv3", InterfaceKind.OTHER), Map.entry("macsec", InterfaceKind.OTHER),
            Map.entry("wireless", InterfaceKind.OTHER), Map.entry("wirelessmodem", InterfaceKind.OTHER),
            Map.entry("wwan", InterfaceKind.OTHER), Map.entry("virtual-ethernet", InterfaceKind.OTHER),
            Map.entry("sstpc", InterfaceKind.OTHER), Map.entry("input", InterfaceKind.OTHER));

    /** Whether {@code interfaces <type>} is a kind of interface vpnlint knows. */
    static boolean knownType(String type) {
        return KINDS.containsKey(type);
    }

    /** Every interface below {@code interfaces}, sub-interfaces after their parent; unknown types are skipped. */
    static List<ConfiguredInterface> all(ConfigNode interfaces) {
        List<ConfiguredInterface> all = new ArrayList<>();
        if (interfaces == null) return all;
        for (ConfigNode typeNode : interfaces.children()) {
            InterfaceKind kind = KINDS.get(typeNode.word());
            if (kind == null) continue;
            for (ConfigNode named : typeNode.children()) {
                all.add(new ConfiguredInterface(named.word(), kind, typeNode.word(), named));
                addSubInterfaces(named.word(), named, typeNode.word(), all);
            }
        }
        return all;
    }

    private static void addSubInterfaces(String name, ConfigNode node, String type, List<ConfiguredInterface> all) {
        addPppoe(node, type, all);
        for (String vifWord : List.of("vif", "vif-s")) {
            ConfigNode vifs = node.child(vifWord);
            if (vifs == null) continue;
            for (ConfigNode vif : vifs.children()) {
                String vifName = name + "." + vif.word();
                all.add(new ConfiguredInterface(vifName, InterfaceKind.VLAN, type, vif));
                addPppoe(vif, type, all);
                ConfigNode inner = vif.child("vif-c");
                if (inner == null) continue;
                for (ConfigNode customerVif : inner.children()) {
                    all.add(new ConfiguredInterface(
                            vifName + "." + customerVif.word(), InterfaceKind.VLAN, type, customerVif));
                }
            }
        }
    }

    /** EdgeOS and 1.2: {@code ethernet eth0 pppoe 0 {...}} is the interface pppoe0. */
    private static void addPppoe(ConfigNode node, String type, List<ConfiguredInterface> all) {
        ConfigNode sessions = node.child("pppoe");
        if (sessions == null) return;
        for (ConfigNode session : sessions.children()) {
            all.add(new ConfiguredInterface("pppoe" + session.word(), InterfaceKind.PPPOE, type, session));
        }
    }
}
