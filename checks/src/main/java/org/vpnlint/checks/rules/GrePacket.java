package org.vpnlint.checks.rules;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.TunnelSettings;

/**
 * The outer packet a GRE/IPIP tunnel interface sends: the router's own, from the tunnel's local address (or the
 * first address of its source interface) to its remote, with the encapsulation's protocol (47 for GRE). Tunnels
 * without a remote (mGRE) or with an address only the running router knows are left out.
 */
record GrePacket(NetInterface tunnelInterface, ConcretePacket packet) {

    static List<GrePacket> of(Router router) {
        List<GrePacket> packets = new ArrayList<>();
        for (NetInterface netInterface : router.interfaces()) {
            TunnelSettings settings = netInterface.tunnel();
            if (netInterface.disabled() || settings == null || settings.remoteAddress() == null) continue;
            IPAddress remote = settings.remoteAddress().withoutPrefixLength();
            sourceOf(router, settings, remote).ifPresent(source -> packets.add(new GrePacket(netInterface,
                    new ConcretePacket(source, remote, settings.outerProtocol(), 0, 0, Ingress.local()))));
        }
        return packets;
    }

    private static Optional<IPAddress> sourceOf(Router router, TunnelSettings settings, IPAddress remote) {
        if (settings.localAddress() != null) {
            IPAddress local = settings.localAddress().withoutPrefixLength();
            boolean known = !local.isZero() && local.getIPVersion() == remote.getIPVersion();
            return known ? Optional.of(local) : Optional.empty();
        }
        if (settings.sourceInterface() == null) return Optional.empty();
        return router.findInterface(settings.sourceInterface())
                .filter(i -> !i.dynamicAddress())
                .flatMap(i -> i.addresses().stream().filter(a -> a.getIPVersion() == remote.getIPVersion()).findFirst())
                .map(IPAddress::withoutPrefixLength);
    }

    /** E.g. "tun0 (gre 192.0.2.10 → 203.0.113.20)". */
    String describe() {
        return tunnelInterface.name() + " (" + packet.header() + ")";
    }
}
