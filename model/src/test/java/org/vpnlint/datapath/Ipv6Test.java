package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vpnlint.datapath.RouterFixture.destination;
import static org.vpnlint.datapath.RouterFixture.peer;
import static org.vpnlint.datapath.RouterFixture.source;
import static org.vpnlint.datapath.SeedScenarioTest.assertTranslation;

import org.junit.jupiter.api.Test;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Router;

/** The same rules with 128-bit addresses: the pipeline is one piece of code for both families. */
class Ipv6Test {

    private static RouterFixture dualStack() {
        return RouterFixture.vyos14()
                .ethernet("eth0", "2001:db8:ff::134/64", "203.0.113.134/24")
                .ethernet("eth1", "2001:db8:10::1/64", "192.168.10.1/24")
                .route("::/0", "2001:db8:ff::1")
                .peer(peer("branch")
                        .remote("2001:db8:beef::150")
                        .local("2001:db8:ff::134")
                        .tunnel(1, "2001:db8:10::/64", "2001:db8:aaaa::/64"));
    }

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("2001:db8:10::100", 40000, "2001:db8:aaaa::200", 5555, Ingress.onInterface("eth1"));

    @Test
    void sourceNatWithoutExcludeLeaksInIpv6Too() {
        Router router = dualStack()
                .nat(source(10).onInterface("eth0").from("2001:db8:10::/64").translateTo("2001:db8:ff::134"))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals(
                "udp [2001:db8:ff::134]:40000 → [2001:db8:aaaa::200]:5555",
                trace.finalHeader().toString());
        assertTranslation(
                trace,
                Stage.POSTROUTING_SNAT,
                "rule 10",
                "udp [2001:db8:10::100]:40000 → [2001:db8:aaaa::200]:5555",
                "udp [2001:db8:ff::134]:40000 → [2001:db8:aaaa::200]:5555");
    }

    @Test
    void withAnExcludeTheIpv6PacketIsEncrypted() {
        Router router = dualStack()
                .nat(source(5).onInterface("eth0").to("2001:db8:aaaa::/64").exclude())
                .nat(source(10).onInterface("eth0").from("2001:db8:10::/64").translateTo("2001:db8:ff::134"))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        assertEquals(
                "esp 2001:db8:ff::134 → 2001:db8:beef::150", trace.outerHeader().toString());
    }

    @Test
    void ipv4NatRulesDoNotTouchIpv6Packets() {
        Router router =
                dualStack().nat(source(10).onInterface("eth0").masquerade()).build();
        ConcretePacket toInternet =
                ConcretePacket.udp("2001:db8:10::100", 40000, "2001:db8:cafe::1", 53, Ingress.onInterface("eth1"));

        assertEquals(
                "2001:db8:10::100",
                Datapath.replay(router, toInternet, SaStates.allUp())
                        .finalHeader()
                        .srcText());
    }

    @Test
    void destinationNatAndTheFwdCheckWorkOnIpv6() {
        Router router = dualStack()
                .nat(destination(10).onInterface("eth0").to("2001:db8:ff::134").translateTo("2001:db8:10::100"))
                .build();
        ConcretePacket viaDnat =
                ConcretePacket.udp("2001:db8:aaaa::200", 5555, "2001:db8:ff::134", 7000, Ingress.onInterface("eth0"));
        ConcretePacket spoofed =
                ConcretePacket.udp("2001:db8:aaaa::200", 5555, "2001:db8:10::100", 7000, Ingress.onInterface("eth0"));

        assertEquals(
                Verdict.CLEARTEXT,
                Datapath.replay(router, viaDnat, SaStates.allUp()).verdict());
        assertEquals(
                DropReason.CLEARTEXT_MATCHES_INBOUND_POLICY,
                Datapath.replay(router, spoofed, SaStates.allUp()).dropReason());
    }

    @Test
    void trapPoliciesDropIpv6WhenTheSaIsDown() {
        Router router = RouterFixture.vyos14()
                .ethernet("eth0", "2001:db8:ff::134/64")
                .ethernet("eth1", "2001:db8:10::1/64")
                .route("::/0", "2001:db8:ff::1")
                .peer(peer("branch")
                        .remote("2001:db8:beef::150")
                        .local("2001:db8:ff::134")
                        .connectionType(ConnectionType.RESPOND)
                        .tunnel(1, "2001:db8:10::/64", "2001:db8:aaaa::/64"))
                .build();

        assertEquals(
                DropReason.POLICY_WITHOUT_SA,
                Datapath.replay(router, LAN_TO_REMOTE, SaStates.allDown()).dropReason());
    }

    @Test
    void withoutAnIpv6RouteThePacketIsUnreachable() {
        Router router =
                RouterFixture.vyos14().ethernet("eth1", "2001:db8:10::1/64").build();

        assertEquals(
                Verdict.UNREACHABLE,
                Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp()).verdict());
    }
}
