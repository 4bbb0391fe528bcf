package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vpnlint.datapath.RouterFixture.source;

import inet.ipaddr.IPAddressString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.SourceLocation;

/** The words of every kind of step: the one place the English of traces is written and checked. */
class StepTextTest {

    private static final SourceLocation TUNNEL_LINE = SourceLocation.at("config.boot", 40, 5);
    private static final TraceStep.Tunnel TUNNEL_1 =
            new TraceStep.Tunnel(new TunnelRef("192.0.2.150", 1), "192.168.10.0/24 → 10.10.10.0/24", TUNNEL_LINE);
    private static final TraceStep.Tunnel TUNNEL_2 =
            new TraceStep.Tunnel(new TunnelRef("192.0.2.160", 2), "192.168.10.0/24 → 10.20.0.0/16", null);
    private static final ConcreteHeader LAN_TO_REMOTE = udp("192.168.10.100", 40000, "10.10.10.200", 5555);
    private static final ConcreteHeader TRANSLATED = udp("203.0.113.134", 40000, "10.10.10.200", 5555);

    @Test
    void aTranslationNamesItsRuleAndEveryFieldItChanged() {
        TraceStep.NatRuleRef rule20 = new TraceStep.NatRuleRef("rule 20", null);
        ConcreteHeader before = tcp("198.51.100.7", 1234, "203.0.113.134", 8080);
        ConcreteHeader after = tcp("198.51.100.7", 1234, "192.168.10.5", 80);

        assertEquals(
                "rule 20: dst 203.0.113.134 → 192.168.10.5, dport 8080 → 80",
                StepText.detail(new TraceStep.Translation(Stage.PREROUTING_DNAT, rule20, true, before, after)));
        assertEquals(
                "rule 20: translates to the same address",
                StepText.detail(new TraceStep.Translation(Stage.POSTROUTING_SNAT, rule20, true, before, before)));
        assertEquals(
                "rule 20: exclude, no source NAT",
                StepText.detail(new TraceStep.Translation(Stage.POSTROUTING_SNAT, rule20, false, before, before)));
        assertEquals(
                "no destination NAT rule matches",
                StepText.detail(new TraceStep.Translation(Stage.PREROUTING_DNAT, null, false, before, before)));
        assertEquals(
                "no source NAT rule matches",
                StepText.detail(new TraceStep.Translation(Stage.OUTER_POSTROUTING, null, false, before, before)));
    }

    @Test
    void aRouteReadsAsTheKernelsChoiceWithItsOrigin() {
        PacketTrace cleartext = Datapath.replay(snatWithoutExclude(), packet(LAN_TO_REMOTE), SaStates.allDown());
        PacketTrace encrypted = Datapath.replay(snatWithoutExclude(), packet(LAN_TO_REMOTE), SaStates.allUp());

        assertEquals(
                "10.10.10.200 via 203.0.113.1 dev eth0 (default route 0.0.0.0/0)",
                StepText.detail(SeedScenarioTest.step(cleartext, Stage.ROUTE)));
        assertEquals(
                "10.10.10.200 via the next hop to 192.0.2.150 dev eth0 src 192.168.10.1 (10.10.10.0/24 in table 220 of"
                        + " tunnel 1 of peer 192.0.2.150, rule pref 220 before main)",
                StepText.detail(SeedScenarioTest.step(encrypted, Stage.ROUTE)));
        assertEquals(
                "no route to 8.8.8.8",
                StepText.detail(new TraceStep.Route(null, null, null, udp("192.168.10.100", 1, "8.8.8.8", 53))));
    }

    @Test
    void aPolicyRoutingRuleSaysWhichTableItMarksThePacketFor() {
        TraceStep.PolicyRuleRef rule = new TraceStep.PolicyRuleRef("policy route LAN rule 10 (table 10)", null);

        assertEquals(
                "policy route LAN rule 10 (table 10) matches: the packet is marked for table 10 (ip rule pref 10,"
                        + " before strongSwan's table 220 at pref 220)",
                StepText.detail(marking(rule, PolicyRouteAction.SET_TABLE, 10)));
        assertEquals(
                "policy route LAN rule 10 (table 10) matches: the packet is marked for table 300 (ip rule pref 300,"
                        + " after strongSwan's table 220)",
                StepText.detail(marking(rule, PolicyRouteAction.SET_TABLE, 300)));
        assertEquals(
                "policy route LAN rule 10 (table 10) matches: the packet keeps the main lookup",
                StepText.detail(marking(rule, PolicyRouteAction.SET_TABLE, 0)));
        assertEquals(
                "policy route LAN rule 10 (table 10) matches: the packet is dropped",
                StepText.detail(marking(rule, PolicyRouteAction.DROP, 0)));
        assertEquals(
                "policy route LAN rule 10 (table 10) matches: the ruleset ends; the packet is not marked",
                StepText.detail(marking(rule, PolicyRouteAction.ACCEPT, 0)));
    }

    @Test
    void aMarkedPacketsRouteNamesTheTableAndTheRuleThatMarkedIt() {
        TraceStep.TableMark mark =
                new TraceStep.TableMark(10, new TraceStep.PolicyRuleRef("policy route LAN rule 10 (table 10)", null));
        RouteEntry inTable10 =
                forwardRoute("via 198.51.100.1 dev eth2", "static route in table 10", RouteEntry.Table.POLICY, 10);
        RouteEntry inMain = forwardRoute("via 203.0.113.1 dev eth0", "default route", RouteEntry.Table.MAIN, 0);

        assertEquals(
                "10.10.10.200 via 198.51.100.1 dev eth2 (static route in table 10 0.0.0.0/0, rule pref 10 for packets"
                        + " marked by policy route LAN rule 10 (table 10))",
                StepText.detail(new TraceStep.Route(inTable10, "eth2", mark, LAN_TO_REMOTE)));
        assertEquals(
                "10.10.10.200 via 203.0.113.1 dev eth0 (default route 0.0.0.0/0); table 10 (policy route"
                        + " LAN rule 10 (table 10)) has no route to it, so the lookup went on to the next rule",
                StepText.detail(new TraceStep.Route(inMain, "eth0", mark, LAN_TO_REMOTE)));
        assertEquals(
                "10.10.10.200 via 203.0.113.1 dev eth0 (default route 0.0.0.0/0)",
                StepText.detail(new TraceStep.Route(inMain, "eth0", null, LAN_TO_REMOTE)));
    }

    @Test
    void anInboundCheckSaysWhichTunnelsPolicyMatchedAndWhichDecrypted() {
        ConcreteHeader arrival = udp("10.10.10.200", 5555, "192.168.10.100", 40000);

        assertEquals(
                "10.10.10.200 → 192.168.10.100 as it arrived matches the inbound policy of tunnel 1 of peer 192.0.2.150"
                        + " (192.168.10.0/24 → 10.10.10.0/24)",
                StepText.detail(check(TUNNEL_1, TUNNEL_1, arrival)));
        assertEquals(
                "10.10.10.200 → 192.168.10.100 arrived unencrypted but matches the inbound policy of tunnel 1 of peer"
                        + " 192.0.2.150 (192.168.10.0/24 → 10.10.10.0/24), which requires ESP",
                StepText.detail(check(TUNNEL_1, null, arrival)));
        assertEquals(
                "10.10.10.200 → 192.168.10.100 as it arrived matches the inbound policy of tunnel 1 of peer 192.0.2.150"
                        + " (192.168.10.0/24 → 10.10.10.0/24), but tunnel 2 of peer 192.0.2.160 decrypted it",
                StepText.detail(check(TUNNEL_1, TUNNEL_2, arrival)));
        assertEquals(
                "no inbound policy matches 10.10.10.200 → 192.168.10.100 as it arrived (tunnel 2 of peer 192.0.2.160"
                        + " (192.168.10.0/24 → 10.20.0.0/16) decrypted it)",
                StepText.detail(check(null, TUNNEL_2, arrival)));
        assertEquals(
                "no inbound policy matches 10.10.10.200 → 192.168.10.100 as it arrived",
                StepText.detail(check(null, null, arrival)));
    }

    @Test
    void aPolicyLookupNamesTheMatchTheTrapOrTheDiscardedEarlierMatch() {
        assertEquals(
                "192.168.10.100 → 10.10.10.200 matches tunnel 1 of peer 192.0.2.150 (192.168.10.0/24 → 10.10.10.0/24)",
                StepText.detail(new TraceStep.PolicyMatch(
                        Stage.POLICY_LOOKUP, TUNNEL_1, false, List.of(), null, LAN_TO_REMOTE)));
        assertEquals(
                "192.168.10.100 → 10.10.10.200 matches the trap policy of tunnel 1 of peer 192.0.2.150 (192.168.10.0/24"
                        + " → 10.10.10.0/24), kept while the SA is down by start_action=trap, dpd_action=trap",
                StepText.detail(new TraceStep.PolicyMatch(
                        Stage.POLICY_LOOKUP,
                        TUNNEL_1,
                        true,
                        List.of("start_action=trap", "dpd_action=trap"),
                        null,
                        LAN_TO_REMOTE)));
        TraceStep.PolicyMatch afterSnat =
                new TraceStep.PolicyMatch(Stage.POLICY_LOOKUP_AFTER_SNAT, null, false, List.of(), TUNNEL_1, TRANSLATED);
        assertEquals(
                "no policy matches 203.0.113.134 → 10.10.10.200; the earlier match of tunnel 1 of peer 192.0.2.150"
                        + " (192.168.10.0/24 → 10.10.10.0/24) is discarded",
                StepText.detail(afterSnat));
        assertEquals(TUNNEL_LINE, afterSnat.location());
    }

    @Test
    void decryptionSaysWhereTheInnerPacketEntersOrThatNoSaTookIt() {
        ConcreteHeader inner = udp("10.10.10.200", 5555, "192.168.10.100", 40000);

        assertEquals(
                "ESP from 192.0.2.150 decrypted by tunnel 1 of peer 192.0.2.150; the inner packet enters PREROUTING"
                        + " again on eth0",
                StepText.detail(new TraceStep.Decryption(TUNNEL_1, "192.0.2.150", true, "eth0", false, inner)));
        assertEquals(
                "ESP from 192.0.2.150 decrypted by tunnel 1 of peer 192.0.2.150; the inner packet enters PREROUTING on"
                        + " vti0",
                StepText.detail(new TraceStep.Decryption(TUNNEL_1, "192.0.2.150", true, "vti0", true, inner)));
        assertEquals(
                "no SA for tunnel 1 of peer 192.0.2.150: the ESP packet is dropped (XfrmInNoStates)",
                StepText.detail(new TraceStep.Decryption(TUNNEL_1, "192.0.2.150", false, "eth0", false, inner)));
    }

    @Test
    void filtersEncryptionAndTransmissionReadAsWhatHappenedToThePacket() {
        FilterRuleRef rule10 = new FilterRuleRef(10, "rule 10 of output filter", FirewallAction.DROP, null);
        ConcreteHeader esp =
                new ConcreteHeader(address("203.0.113.134"), address("192.0.2.150"), ProtocolMatch.ESP, 0, 0);
        ConcreteHeader natT = udp("203.0.113.134", 4500, "192.0.2.150", 4500);
        ConcreteHeader v6 = udp("2001:db8:10::100", 40000, "2001:db8:aaaa::200", 5555);

        assertEquals(
                "dropped (rule 10 of output filter)",
                StepText.detail(new TraceStep.FilterDecision(Stage.OUTPUT_FILTER, rule10, FirewallAction.DROP, esp)));
        assertEquals(
                "accepted (rule 10 of output filter)",
                StepText.detail(new TraceStep.FilterDecision(Stage.OUTPUT_FILTER, rule10, FirewallAction.ACCEPT, esp)));
        assertEquals(
                "rejected (rule 10 of output filter)",
                StepText.detail(new TraceStep.FilterDecision(Stage.OUTPUT_FILTER, rule10, FirewallAction.REJECT, esp)));
        assertEquals(
                "encrypted by tunnel 1 of peer 192.0.2.150 (192.168.10.0/24 → 10.10.10.0/24) into ESP in UDP 4500"
                        + " (forced encapsulation) 203.0.113.134 → 192.0.2.150",
                StepText.detail(new TraceStep.Encryption(TUNNEL_1, true, natT)));
        assertEquals(
                "leaves eth0 as esp 203.0.113.134 → 192.0.2.150 carrying udp 192.168.10.100:40000 → 10.10.10.200:5555"
                        + " (tunnel 1 of peer 192.0.2.150)",
                StepText.detail(new TraceStep.EncryptedTransmission("eth0", esp, TUNNEL_1.ref(), LAN_TO_REMOTE)));
        // IPv6 addresses stand without brackets in the words, unlike in a header line
        assertEquals(
                "leaves eth0 in cleartext as udp 2001:db8:10::100:40000 → 2001:db8:aaaa::200:5555",
                StepText.detail(new TraceStep.CleartextTransmission("eth0", v6)));
        assertEquals(
                "udp [2001:db8:10::100]:40000 → [2001:db8:aaaa::200]:5555",
                StepText.header(new TraceStep.CleartextTransmission("eth0", v6)));
        assertEquals(
                "dum0 is a dummy interface: the packet is discarded",
                StepText.detail(new TraceStep.Discard("dum0", InterfaceKind.DUMMY, null, LAN_TO_REMOTE)));
        assertEquals(
                "enters tun0 as udp 192.168.10.100:40000 → 10.10.10.200:5555 and is encapsulated in gre 10.10.0.1 →"
                        + " ? (a packet of the router itself: replay it with ingress local)",
                StepText.detail(new TraceStep.Encapsulation(
                        "tun0", ProtocolMatch.GRE, address("10.10.0.1"), null, null, LAN_TO_REMOTE)));
        assertEquals("delivered to the router itself", StepText.detail(new TraceStep.Delivery(LAN_TO_REMOTE)));
        assertEquals(
                "no destination NAT for the router's own packets (VyOS renders destination rules in PREROUTING only)",
                StepText.detail(new TraceStep.OwnPacketNotTranslated(LAN_TO_REMOTE)));
    }

    @Test
    void aNoteIsToldInItsOwnWords() {
        TraceStep.Note exchange = new TraceStep.Note("IKE_AUTH", "the responder rejects the ID", null, null, null);

        assertEquals("the responder rejects the ID", StepText.detail(exchange));
        assertNull(StepText.header(exchange));
        assertEquals("IKE_AUTH", exchange.stageId());
    }

    private static TraceStep.PolicyRouting marking(TraceStep.PolicyRuleRef rule, PolicyRouteAction action, int table) {
        return new TraceStep.PolicyRouting(rule, action, table, null, LAN_TO_REMOTE);
    }

    private static RouteEntry forwardRoute(String via, String origin, RouteEntry.Table table, int policyTable) {
        return new RouteEntry(
                new IPAddressString("0.0.0.0/0").getAddress(),
                RouteEntry.Kind.FORWARD,
                1,
                via,
                1,
                table,
                origin,
                null,
                0,
                RouteEntry.Presence.ALWAYS,
                policyTable);
    }

    private static TraceStep.InboundCheck check(
            TraceStep.Tunnel matched, TraceStep.Tunnel decryptedBy, ConcreteHeader arrival) {
        return new TraceStep.InboundCheck(Stage.POLICY_CHECK_FWD, matched, decryptedBy, arrival, arrival);
    }

    private static org.vpnlint.model.Router snatWithoutExclude() {
        return SeedScenarioTest.firstArticle()
                .nat(source(10).onInterface("eth0").from("192.168.10.0/24").translateTo("203.0.113.134"))
                .build();
    }

    private static ConcretePacket packet(ConcreteHeader header) {
        return ConcretePacket.udp(
                header.srcText(), header.srcPort(), header.dstText(), header.dstPort(), Ingress.onInterface("eth1"));
    }

    private static ConcreteHeader udp(String src, int srcPort, String dst, int dstPort) {
        return new ConcreteHeader(address(src), address(dst), ProtocolMatch.UDP, srcPort, dstPort);
    }

    private static ConcreteHeader tcp(String src, int srcPort, String dst, int dstPort) {
        return new ConcreteHeader(address(src), address(dst), ProtocolMatch.TCP, srcPort, dstPort);
    }

    private static inet.ipaddr.IPAddress address(String text) {
        return new IPAddressString(text).getAddress();
    }
}
