package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;
import org.vpnlint.oracle.KernelScenario;
import org.vpnlint.oracle.Origin;
import org.vpnlint.oracle.PacketHeader;
import org.vpnlint.oracle.ProbePacket;

/**
 * Renders a vpnlint router model, its SA states and a packet into the {@link KernelScenario} of what VyOS and
 * strongSwan would install on a Linux router (docs/semantics/vyos-rendering.md, docs/semantics/strongswan.md,
 * docs/semantics/sa-lifecycle.md), on the oracle's three-namespace
 * topology:
 * <ul>
 *   <li>{@link InterfaceMapping}: the LAN interface is {@code r0}, the WAN interface {@code r1}, a load balancer's
 *       second WAN {@code r2};</li>
 *   <li>{@link LayoutRenderer}: addresses of the three (four) namespaces;</li>
 *   <li>{@link NftRenderer}: {@code vyos_nat}, the forward filter, policy routing's and the load balancer's marks
 *       (for the WAN the packet's connection is balanced to) and the load balancer's source NAT;</li>
 *   <li>{@link TunnelReader} and {@link XfrmPolicyRenderer}: the policies per tunnel and SA state;</li>
 *   <li>{@link RouteRenderer}: static routes, table 220 and its rule;</li>
 *   <li>the probe: a packet arriving on an interface is sent from the namespace behind it; the router's own packets
 *       (GRE is raw IP protocol 47, as a GRE tunnel interface would send it) from the router namespace.</li>
 * </ul>
 */
final class ScenarioRenderer {

    private final HostPlan plan;

    ScenarioRenderer(HostPlan plan) {
        this.plan = plan;
    }

    RenderedScenario render(DifferentialCase differentialCase) {
        Router router = differentialCase.router();
        ConcretePacket packet = differentialCase.packet();
        if (!packet.src().isIPv4()) throw new UnsupportedCase("IPv6 packets");
        InterfaceMapping interfaces = InterfaceMapping.of(router);
        Origin origin = interfaces.originOf(packet.ingress());
        LayoutRenderer layout = new LayoutRenderer(router, interfaces);
        List<RenderedTunnel> tunnels =
                TunnelReader.read(router, differentialCase.saStates(), interfaces, layout.wanHost());
        XfrmPolicyRenderer policies = new XfrmPolicyRenderer(tunnels);
        RouteRenderer routes = new RouteRenderer(router, interfaces, tunnels);

        KernelScenario.Builder scenario = KernelScenario.named(differentialCase.name())
                .layout(layout.layout(plan, packet, origin))
                .nft(new NftRenderer(router, interfaces, packet.wan()).render())
                .probe(new ProbePacket(origin, probeHeader(packet, differentialCase.icmpIdentifier())));
        routes.routes().forEach(scenario::route);
        routes.rules().forEach(scenario::rule);
        policies.policies().forEach(scenario::policy);
        return new RenderedScenario(scenario.build(), interfaces, tunnels, policies.tunnelByReqid());
    }

    static PacketHeader probeHeader(ConcretePacket packet, int icmpIdentifier) {
        String src = Ipv4Text.host(packet.src());
        String dst = Ipv4Text.host(packet.dst());
        return switch (packet.protocol()) {
            case ProtocolMatch.UDP -> PacketHeader.udp(src, packet.srcPort(), dst, packet.dstPort());
            case ProtocolMatch.TCP -> PacketHeader.tcp(src, packet.srcPort(), dst, packet.dstPort());
            case ProtocolMatch.ICMP -> PacketHeader.icmpEcho(src, dst, icmpIdentifier);
            case ProtocolMatch.GRE -> PacketHeader.gre(src, dst);
            default -> throw new UnsupportedCase("probes of IP protocol " + packet.protocol());
        };
    }
}
