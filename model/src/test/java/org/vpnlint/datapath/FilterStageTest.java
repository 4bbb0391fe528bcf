package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.vpnlint.datapath.RouterFixture.matching;
import static org.vpnlint.datapath.RouterFixture.source;
import static org.vpnlint.datapath.SeedScenarioTest.step;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.IpsecMatch;
import org.vpnlint.model.Router;

/** The FORWARD filter (after the first lookup, before SNAT) and EdgeOS auto-firewall-nat-exclude. */
class FilterStageTest {

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));
    private static final ConcretePacket LAN_TO_INTERNET =
            ConcretePacket.udp("192.168.10.100", 40000, "198.51.100.7", 53, Ingress.onInterface("eth1"));

    @Test
    void forwardDefaultDropDropsAfterTheFirstLookup() {
        Router router = SeedScenarioTest.firstArticle()
                .forwardDefault(FirewallAction.DROP)
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(DropReason.FORWARD_FILTER, trace.dropReason());
        assertFilter(FirewallAction.DROP, "default action of forward filter", trace, Stage.FORWARD_FILTER);
    }

    @Test
    void aNamedChainReturnsToTheBaseChainOrDecidesByItsDefault() {
        RouterFixture fixture = SeedScenarioTest.firstArticle().forwardDefault(FirewallAction.DROP);
        fixture.namedChain(
                "LAN_OUT",
                FirewallAction.DROP,
                fixture.rule(10, FirewallAction.RETURN, matching(null, "10.10.10.0/24")));
        Router router = fixture.forwardRule(10, FirewallAction.JUMP, "LAN_OUT", matching(null, null), "eth1")
                .forwardRule(20, FirewallAction.ACCEPT, null, matching("192.168.10.0/24", null), null)
                .build();

        PacketTrace remote = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());
        PacketTrace internet = Datapath.replay(router, LAN_TO_INTERNET, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, remote.verdict());
        assertFilter(FirewallAction.ACCEPT, "rule 20 of forward filter", remote, Stage.FORWARD_FILTER);
        assertEquals(DropReason.FORWARD_FILTER, internet.dropReason());
        assertFilter(FirewallAction.DROP, "default action of LAN_OUT", internet, Stage.FORWARD_FILTER);
    }

    /**
     * VyOS 1.4+ hooks the zone chains after the forward filter: its accept does not end the hook, the zone's drop
     * still decides; and an accept is credited to the zone rule only when a zone took the packet.
     */
    @Test
    void theZoneChainRunsAfterTheForwardFilterAccepts() {
        RouterFixture fixture = SeedScenarioTest.firstArticle();
        fixture.namedChain(
                "zone REMOTE",
                FirewallAction.DROP,
                fixture.rule(1, FirewallAction.RETURN, matching(null, "10.10.10.0/30")));
        FirewallRule intoRemote = new FirewallRule(
                1,
                FirewallAction.JUMP,
                "zone REMOTE",
                matching(null, null),
                InterfaceMatch.ANY,
                InterfaceMatch.of("eth0"),
                Set.of(),
                IpsecMatch.ANY,
                false,
                null,
                null);
        Router router = fixture.forwardRule(10, FirewallAction.ACCEPT, null, matching(null, null), null)
                .zoneForwardChain(intoRemote)
                .build();

        PacketTrace remote = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());
        PacketTrace allowed = Datapath.replay(
                router,
                ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.1", 5555, Ingress.onInterface("eth1")),
                SaStates.allUp());

        assertEquals(DropReason.FORWARD_FILTER, remote.dropReason());
        assertFilter(FirewallAction.DROP, "default action of zone REMOTE", remote, Stage.FORWARD_FILTER);
        assertEquals(Verdict.ENCRYPTED, allowed.verdict());
        assertFilter(FirewallAction.ACCEPT, "rule 10 of forward filter", allowed, Stage.FORWARD_FILTER);
    }

    @Test
    void edgeOsAutoExcludeKeepsTunnelTrafficAwayFromMasquerade() {
        Router router = RouterFixture.of(Dialect.EDGEOS)
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(RouterFixture.peer("192.0.2.150")
                        .local("203.0.113.134")
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .nat(source(5010).onInterface("eth0").masquerade())
                .autoFirewallNatExclude()
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        TraceStep.Translation exclude = step(trace, Stage.POSTROUTING_SNAT, TraceStep.Translation.class);
        assertEquals(
                "auto-firewall-nat-exclude for tunnel 1 of peer 192.0.2.150",
                exclude.rule().label());
        assertFalse(exclude.translated());
    }

    @Test
    void edgeOsAutoExcludeAcceptsDecryptedTrafficBeforeTheUserRules() {
        Router router = RouterFixture.of(Dialect.EDGEOS)
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(RouterFixture.peer("192.0.2.150")
                        .local("203.0.113.134")
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .forwardDefault(FirewallAction.DROP)
                .autoFirewallNatExclude()
                .build();
        ConcretePacket decrypted = ConcretePacket.udp(
                "10.10.10.200", 5555, "192.168.10.100", 40000, Ingress.decryptedBy(new TunnelRef("192.0.2.150", 1)));

        PacketTrace trace = Datapath.replay(router, decrypted, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertFilter(
                FirewallAction.ACCEPT,
                "auto-firewall-nat-exclude accept for tunnel 1 of peer 192.0.2.150",
                trace,
                Stage.FORWARD_FILTER);
    }

    @Test
    void withoutAutoExcludeEdgeOsMasqueradesTunnelTraffic() {
        Router router = RouterFixture.of(Dialect.EDGEOS)
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(RouterFixture.peer("192.0.2.150")
                        .local("203.0.113.134")
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .nat(source(5010).onInterface("eth0").masquerade())
                .build();

        assertEquals(
                Verdict.CLEARTEXT,
                Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp()).verdict());
    }

    @Test
    void theOutputFilterCanDropTheRoutersOwnGre() {
        RouterFixture fixture = RouterFixture.vyos13()
                .ethernet("eth0", "192.0.2.10/24")
                .route("0.0.0.0/0", "192.0.2.1")
                .greTunnel("tun0", "10.0.0.2/29", "192.0.2.10", "203.0.113.20");
        Router router = fixture.outputChain(
                        FirewallAction.ACCEPT,
                        fixture.rule(10, FirewallAction.DROP, RouterFixture.matchingProtocol(47)))
                .build();
        ConcretePacket gre = ConcretePacket.of("192.0.2.10", "203.0.113.20", 47, Ingress.local());

        PacketTrace trace = Datapath.replay(router, gre, SaStates.allUp());

        assertEquals(DropReason.OUTPUT_FILTER, trace.dropReason());
        assertFilter(FirewallAction.DROP, "rule 10 of output filter", trace, Stage.OUTPUT_FILTER);
    }

    @Test
    void theOutputFilterSeesTheEspPacketOfAnEncryptedOne() {
        RouterFixture fixture = SeedScenarioTest.firstArticle();
        Router router = fixture.outputChain(
                        FirewallAction.ACCEPT,
                        fixture.rule(10, FirewallAction.DROP, RouterFixture.matchingProtocol(50)))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(DropReason.OUTER_OUTPUT_FILTER, trace.dropReason());
        assertFilter(FirewallAction.DROP, "rule 10 of output filter", trace, Stage.OUTER_OUTPUT);
    }

    @Test
    void theInputFilterGuardsTheRouterItself() {
        RouterFixture fixture = SeedScenarioTest.firstArticle();
        Router router = fixture.inputChain(
                        FirewallAction.DROP,
                        fixture.rule(10, FirewallAction.ACCEPT, RouterFixture.matching("192.168.10.0/24", null)))
                .build();
        ConcretePacket fromWan =
                ConcretePacket.tcp("198.51.100.7", 1234, "203.0.113.134", 22, Ingress.onInterface("eth0"));
        ConcretePacket fromLan =
                ConcretePacket.tcp("192.168.10.7", 1234, "192.168.10.1", 22, Ingress.onInterface("eth1"));

        assertEquals(
                DropReason.INPUT_FILTER,
                Datapath.replay(router, fromWan, SaStates.allUp()).dropReason());
        assertEquals(
                Verdict.LOCAL,
                Datapath.replay(router, fromLan, SaStates.allUp()).verdict());
    }

    /** The filter step of this stage: what it did, and the rule (or default action) that decided. */
    private static void assertFilter(FirewallAction action, String rule, PacketTrace trace, Stage stage) {
        TraceStep.FilterDecision filter = step(trace, stage, TraceStep.FilterDecision.class);
        assertEquals(action, filter.action());
        assertEquals(rule, filter.rule().label());
    }
}
