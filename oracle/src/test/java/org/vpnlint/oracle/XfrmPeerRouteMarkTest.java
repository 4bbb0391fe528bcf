package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vpnlint.oracle.SiteToSite.LAN_HOST;
import static org.vpnlint.oracle.SiteToSite.LAN_SUBNET;
import static org.vpnlint.oracle.SiteToSite.PEER;
import static org.vpnlint.oracle.SiteToSite.REMOTE_HOST;
import static org.vpnlint.oracle.SiteToSite.REMOTE_SUBNET;
import static org.vpnlint.oracle.SiteToSite.ROUTER_WAN;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/semantics/policy-routing.md#the-esp-packet-and-the-mark: the XFRM layer's own route to the peer is looked up
 * without the policy-routing mark of the packet it protects. The test kernel has no ESP transform, so the bundle's
 * outer route (xfrm_bundle_create, which passes mark 0 unless the SA has an output mark) cannot be built here; what
 * can be seen is its sibling in the same file: for a template without a local address, xfrm_tmpl_resolve_one asks
 * for the route to the peer with an empty flow (no mark) and puts that route's source address into the larval
 * state. VyOS's mark for table 10 sends the LAN's packet out the second WAN (r2, 198.51.100.1); main sends the peer
 * out r1 (192.0.2.1). Had the lookup used the mark, the larval state would start from 198.51.100.1.
 */
@Tag("kernel")
class XfrmPeerRouteMarkTest {

    /** A peer behind the main default route, not on either WAN's subnet: only a route decides how to reach it. */
    private static final String FAR_PEER = "203.0.113.20";

    private static final String SECOND_WAN = "198.51.100.1";
    private static final String SECOND_WAN_NEXT_HOP = "198.51.100.254";
    private static final int TABLE = 10;
    /** VyOS 1.4's mark for {@code set table 10}: 0x7fffffff - 10 (docs/semantics/policy-routing.md). */
    private static final long MARK = 0x7fffffffL - TABLE;

    private static final TopologyLayout TWO_WANS = TopologyLayout.standard()
            .withSecondWan(new TopologyLayout.SecondWan(
                    SECOND_WAN + "/24", SECOND_WAN_NEXT_HOP + "/24", List.of(REMOTE_HOST + "/32")));

    /** VyOS's mangle PREROUTING, reduced to one rule: everything arriving from the LAN is marked for table 10. */
    private static final NftRuleset MARK_LAN = new NftRuleset("table ip vyos_mangle {\n"
            + "\tchain VYOS_PBR_PREROUTING {\n"
            + "\t\ttype filter hook prerouting priority -150; policy accept;\n"
            + "\t\tiifname \"" + Topology.ROUTER_LAN_INTERFACE + "\" meta mark set 0x" + Long.toHexString(MARK)
            + " return\n"
            + "\t}\n"
            + "}\n");

    @RegisterExtension
    static final OracleForTestClass ORACLE = new OracleForTestClass();

    /** The SA-down policy lan → remote subnet whose template leaves the local address to the kernel. */
    private static XfrmPolicy policyWithoutLocalAddress() {
        return XfrmPolicy.out(
                TrafficSelector.between(LAN_SUBNET, REMOTE_SUBNET),
                new XfrmTemplate("0.0.0.0", FAR_PEER, 1, TemplateMode.TUNNEL_REQUIRED));
    }

    /** Main sends everything out r1; table 10, for marked packets at pref 10, out r2. */
    private static KernelScenario.Builder twoWanRouter(String name) {
        return KernelScenario.named(name)
                .layout(TWO_WANS)
                .route(Route.defaultVia(PEER))
                .route(Route.defaultVia(SECOND_WAN_NEXT_HOP).inTable(TABLE))
                .rule(new RoutingRule(TABLE, TABLE, MARK))
                .policy(policyWithoutLocalAddress());
    }

    private static Observation send(KernelScenario.Builder scenario, int sourcePort) {
        return ORACLE.observe(
                scenario.probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST, sourcePort, REMOTE_HOST, 5555)))
                        .build());
    }

    private static List<String> tunnelSources(Observation seen) {
        return seen.evidence().larvalStates().stream()
                .map(LarvalState::tunnelSource)
                .toList();
    }

    @Test
    void theMarkSendsTheLanPacketOutTheSecondWan() {
        // without the policy: the mark and table 10 work, so the cases below do route the inner packet out r2
        Observation seen = ORACLE.observe(KernelScenario.named("marked for table 10, no policy")
                .layout(TWO_WANS)
                .route(Route.defaultVia(PEER))
                .route(Route.defaultVia(SECOND_WAN_NEXT_HOP).inTable(TABLE))
                .rule(new RoutingRule(TABLE, TABLE, MARK))
                .nft(MARK_LAN)
                .probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST, 22000, REMOTE_HOST, 5555)))
                .build());

        assertEquals(KernelVerdict.CLEARTEXT, seen.verdict(), seen::toString);
        assertEquals(Origin.WAN2, seen.arrivedAt(), seen::toString);
    }

    @Test
    void aMarkedPacketRoutedOutTheSecondWanGetsItsSaFromMainsRouteToThePeer() {
        Observation seen =
                send(twoWanRouter("marked for table 10, peer routed by main").nft(MARK_LAN), 22001);

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        // the inner packet was routed by table 10 out r2; the SA's local address comes from main's route out r1
        assertEquals(List.of(ROUTER_WAN), tunnelSources(seen), seen::toString);
    }

    @Test
    void withoutTheMarkTheSaAlsoStartsFromMainsRoute() {
        Observation seen = send(twoWanRouter("unmarked, peer routed by main"), 22002);

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        assertEquals(List.of(ROUTER_WAN), tunnelSources(seen), seen::toString);
    }

    @Test
    void theLarvalStateFollowsTheRouteToThePeerWhenMainSendsItOutTheSecondWan() {
        // the control that shows the observation can change: main's own route to the peer out r2
        Observation seen = send(
                twoWanRouter("main routes the peer out r2").route(Route.via(FAR_PEER + "/32", SECOND_WAN_NEXT_HOP)),
                22003);

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        assertEquals(List.of(SECOND_WAN), tunnelSources(seen), seen::toString);
    }

    @Test
    void aBlackholeForThePeerInTheMarkedTableDoesNotStopTheSa() {
        // with the mark, this lookup would end at the blackhole and no larval state would exist
        Observation seen = send(
                twoWanRouter("marked, table 10 blackholes the peer")
                        .nft(MARK_LAN)
                        .route(Route.blackhole(FAR_PEER + "/32").inTable(TABLE)),
                22004);

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        assertEquals(List.of(ROUTER_WAN), tunnelSources(seen), seen::toString);
    }
}
