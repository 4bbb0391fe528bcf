package org.vpnlint.checks.tables;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaLifecycle;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.model.TunnelSettings;

/**
 * The packets a router must receive for its own VPNs to work: from each IPsec peer's address to the peer's
 * local-address IKE (udp 500), NAT-T (udp 4500) and ESP (protocol 50); from each GRE/IPIP tunnel interface's remote
 * its encapsulated packets. Each arrives where the router's own packets to that address leave (symmetric routing),
 * GRE protected by IPsec arrives decrypted by the tunnel that encrypts the router's own GRE.
 * A peer whose address the configuration does not fix (remote {@code any}, an id) may send from any address: its
 * flows are marked {@link Flow#anySource()}, with the unknown address as a placeholder source. A local address
 * only the running router knows (DHCP, PPPoE) leaves the peer out.
 */
final class OwnTraffic {

    /** What kind of packet, for messages and for the level of a finding. */
    enum Kind {
        IKE("IKE (udp 500)"),
        NAT_T("NAT-T (udp 4500)"),
        ESP("ESP (protocol 50)"),
        ENCAPSULATION("tunnel packets");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    /**
     * One packet the router must accept.
     *
     * @param owner           "peer 192.0.2.1" or "interfaces tunnel tun0": what needs the packet
     * @param ownerLocation   the peer or tunnel interface node
     * @param routerInitiates whether this router starts the exchange (its packets then create the conntrack entry
     *                        the peer's answers match)
     * @param forcedUdp       the peer forces UDP encapsulation, so plain ESP is never used
     * @param anySource       the peer's address is not configured: the packet's source stands for every address
     * @param router          the router compiled for the packet's address family
     */
    record Flow(
            Kind kind,
            String what,
            ConcretePacket packet,
            String owner,
            SourceLocation ownerLocation,
            boolean routerInitiates,
            boolean forcedUdp,
            boolean anySource,
            CompiledRouter router) {}

    private OwnTraffic() {}

    static List<Flow> of(Router router) {
        List<Flow> flows = new ArrayList<>();
        for (AddressFamily family : AddressFamily.values()) {
            CompiledRouter compiled = CompiledRouter.compile(router, family);
            flows.addAll(ipsec(compiled));
            flows.addAll(tunnelInterfaces(compiled));
        }
        return flows;
    }

    private static List<Flow> ipsec(CompiledRouter router) {
        Map<String, CompiledTunnel> firstTunnelOfPeer = new LinkedHashMap<>();
        for (CompiledTunnel tunnel : router.tunnels())
            firstTunnelOfPeer.putIfAbsent(tunnel.ref().peer(), tunnel);
        List<Flow> flows = new ArrayList<>();
        for (CompiledTunnel tunnel : firstTunnelOfPeer.values()) {
            IPAddress remote = tunnel.remoteEndpoint();
            boolean anySource = remote == null;
            if (anySource) remote = router.family().addressOf(router.family().unknownAddress());
            if (!router.family().contains(remote) || tunnel.outerEgress() == 0) continue;
            IPAddress local = tunnel.localEndpoint();
            if (local == null || !router.family().contains(local)) continue;
            Ingress arrival = Ingress.onInterface(router.interfaceName(tunnel.outerEgress()));
            String from = remote.toCompressedString();
            String to = local.toCompressedString();
            String between = " from " + (anySource ? "any address" : from) + " to " + to;
            Peer peer = new Peer(tunnel, anySource, router);
            flows.add(peer.flow(Kind.IKE, "IKE" + between, ConcretePacket.udp(from, 500, to, 500, arrival)));
            flows.add(peer.flow(Kind.NAT_T, "NAT-T" + between, ConcretePacket.udp(from, 4500, to, 4500, arrival)));
            flows.add(peer.flow(Kind.ESP, "ESP" + between, ConcretePacket.of(from, to, ProtocolMatch.ESP, arrival)));
        }
        return flows;
    }

    /** A peer that sends the router packets, as its first tunnel describes it. */
    private record Peer(CompiledTunnel firstTunnel, boolean anySource, CompiledRouter router) {
        Flow flow(Kind kind, String what, ConcretePacket packet) {
            return new Flow(
                    kind,
                    what,
                    packet,
                    "peer " + firstTunnel.peer().name(),
                    firstTunnel.peer().location(),
                    firstTunnel.lifecycle().startAction() == SaLifecycle.StartAction.START,
                    firstTunnel.udpEncapsulation(),
                    anySource,
                    router);
        }
    }

    private static List<Flow> tunnelInterfaces(CompiledRouter router) {
        List<Flow> flows = new ArrayList<>();
        for (NetInterface netInterface : router.interfaces()) {
            TunnelSettings settings = netInterface.tunnel();
            if (netInterface.kind() != InterfaceKind.TUNNEL || netInterface.disabled() || settings == null) continue;
            IPAddress remote = settings.remoteAddress();
            IPAddress local = settings.localAddress();
            if (!router.family().contains(remote) || !router.family().contains(local)) continue;
            int protocol = settings.outerProtocol();
            String from = remote.withoutPrefixLength().toCompressedString();
            String to = local.withoutPrefixLength().toCompressedString();
            Ingress arrival = arrivalOf(router, ConcretePacket.of(to, from, protocol, Ingress.local()));
            if (arrival == null) continue;
            String name = ProtocolMatch.name(protocol);
            flows.add(new Flow(
                    Kind.ENCAPSULATION,
                    name.toUpperCase(java.util.Locale.ROOT) + " from " + from + " to " + to + " (" + netInterface.name()
                            + ")",
                    ConcretePacket.of(from, to, protocol, arrival),
                    "interfaces tunnel " + netInterface.name(),
                    netInterface.location(),
                    false,
                    false,
                    false,
                    router));
        }
        return flows;
    }

    /**
     * Where the remote's packets arrive: decrypted by the tunnel that encrypts the router's own packet to it, else
     * on the interface that packet leaves by; null when the router has no way there.
     */
    private static Ingress arrivalOf(CompiledRouter router, ConcretePacket ownPacket) {
        PacketTrace outbound = Datapath.replay(router, ownPacket, SaStates.allUp());
        if (outbound.verdict() == Verdict.ENCRYPTED && outbound.tunnel() != null)
            return Ingress.decryptedBy(outbound.tunnel());
        if (outbound.verdict() == Verdict.CLEARTEXT && outbound.egress() != null)
            return Ingress.onInterface(outbound.egress());
        return null;
    }
}
