package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.ConcreteBits;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.ProtocolMatch;

class BoxExampleTest {

    private static final String INTERFACES = """
            set interfaces ethernet eth0 address '203.0.113.1/24'
            set interfaces ethernet eth1 address '10.0.0.1/8'
            """;

    private static RulePacket.Values example(BoxedChain chain, int rule) {
        return BoxExample.of(chain.boxes().get(rule), chain.possible(), chain.scales(), AddressFamily.IPV4);
    }

    /** Every wish holds: a new TCP flow, not from an SA, routable host addresses, an ephemeral source port. */
    @Test
    void aRuleThatAllowsEveryWishGetsThemAll() {
        BoxedChain chain = BoxedChain.forward(INTERFACES + """
                set firewall ipv4 forward filter rule 10 action 'drop'
                set firewall ipv4 forward filter rule 10 destination address '192.168.10.0/24'
                """);

        RulePacket.Values packet = example(chain, 0);

        assertEquals(ProtocolMatch.TCP, packet.protocol());
        assertEquals(ConnectionState.NEW.ordinal(), packet.state());
        assertFalse(packet.decrypted());
        assertEquals(new BigInteger("16777217"), packet.src()); // 1.0.0.1: the first routable host address
        assertEquals(new BigInteger("3232238081"), packet.dst()); // 192.168.10.1, not the network address
        assertEquals(40000, packet.srcPort());
        assertEquals(1, packet.dstPort());
        assertTrue(matches(chain, packet, 0));
    }

    /** A wish the rule rules out is left out and the later ones still hold: UDP, established, from an SA. */
    @Test
    void wishesTheRuleExcludesAreLeftOut() {
        BoxedChain chain = BoxedChain.forward(INTERFACES + """
                set firewall ipv4 forward filter rule 10 action 'accept'
                set firewall ipv4 forward filter rule 10 protocol 'udp'
                set firewall ipv4 forward filter rule 10 state 'established'
                set firewall ipv4 forward filter rule 10 ipsec 'match-ipsec'
                set firewall ipv4 forward filter rule 10 source address '0.0.0.0/8'
                set firewall ipv4 forward filter rule 10 destination port '500'
                """);

        RulePacket.Values packet = example(chain, 0);

        assertEquals(ProtocolMatch.UDP, packet.protocol());
        assertEquals(ConnectionState.ESTABLISHED.ordinal(), packet.state());
        assertTrue(packet.decrypted());
        assertEquals(BigInteger.ONE, packet.src()); // 0.0.0.1: not routable, but its last byte is not 0
        assertEquals(40000, packet.srcPort());
        assertEquals(500, packet.dstPort());
        assertTrue(matches(chain, packet, 0));
    }

    /** A rule that needs ports on a protocol without them matches no packet: there is no example. */
    @Test
    void noExampleForARuleThatMatchesNothing() {
        BoxedChain chain = BoxedChain.forward(INTERFACES + """
                set firewall ipv4 forward filter rule 10 action 'accept'
                set firewall ipv4 forward filter rule 10 protocol 'icmp'
                set firewall ipv4 forward filter rule 10 destination port '22'
                """);

        assertNull(example(chain, 0));
    }

    private static boolean matches(BoxedChain chain, RulePacket.Values packet, int rule) {
        ChainPacket<Boolean, ConcreteBits> replay = chain.replay(packet);
        return replay.wellFormed()
                && replay.at(ChainHook.FORWARD)
                && replay.matches(chain.entries().get(rule));
    }
}
