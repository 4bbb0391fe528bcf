package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.ConcreteBits;

class ReachingPacketTest {

    private static final String INTERFACES = """
            set interfaces ethernet eth0 address '203.0.113.1/24'
            set interfaces ethernet eth1 address '10.0.0.1/8'
            """;

    /** Rule 40 is reachable only by a packet that is not TCP, not to 10/8 and not established: all three at once. */
    @Test
    void findsThePacketThatSlipsPastEveryEarlierRule() {
        BoxedChain chain = BoxedChain.forward(INTERFACES + """
                set firewall ipv4 forward filter rule 10 action 'drop'
                set firewall ipv4 forward filter rule 10 protocol 'tcp'
                set firewall ipv4 forward filter rule 20 action 'accept'
                set firewall ipv4 forward filter rule 20 destination address '10.0.0.0/8'
                set firewall ipv4 forward filter rule 30 action 'accept'
                set firewall ipv4 forward filter rule 30 state 'established'
                set firewall ipv4 forward filter rule 40 action 'drop'
                """);

        ReachingPacket.Outcome outcome = ReachingPacket.find(
                chain.boxes().get(3), chain.possible(), chain.boxes().subList(0, 3));
        int[] pieces = outcome.packet();

        assertNotNull(pieces);
        assertFalse(outcome.covered());
        ChainPacket<Boolean, ConcreteBits> packet = chain.replay(chain.scales().packet(pieces));
        assertTrue(packet.wellFormed() && packet.at(ChainHook.FORWARD));
        assertTrue(packet.matches(chain.entries().get(3)));
        for (ChainEntry earlier : chain.entries().subList(0, 3)) assertFalse(packet.matches(earlier), earlier.label());
    }

    /** Rules 10 (tcp) and 20 (udp) together take every packet with ports; rule 30 needs ports. */
    @Test
    void findsNothingWhenTheEarlierRulesTogetherCoverTheRule() {
        BoxedChain chain = BoxedChain.forward(INTERFACES + """
                set firewall ipv4 forward filter rule 10 action 'drop'
                set firewall ipv4 forward filter rule 10 protocol 'tcp'
                set firewall ipv4 forward filter rule 20 action 'drop'
                set firewall ipv4 forward filter rule 20 protocol 'udp'
                set firewall ipv4 forward filter rule 30 action 'accept'
                set firewall ipv4 forward filter rule 30 destination port '22'
                """);

        ReachingPacket.Outcome outcome = ReachingPacket.find(
                chain.boxes().get(2), chain.possible(), chain.boxes().subList(0, 2));

        assertNull(outcome.packet());
        assertTrue(outcome.covered(), "the exact search proved the cover on the boxes");
        assertEquals(List.of(0, 1), outcome.cover());
    }

    /** Rule 20 takes all of 10.1/16; rule 10 only telnet, which the search steps around. Rule 20 is left. */
    @Test
    void isLeftWithTheRuleThatShadowsTheRule() {
        BoxedChain chain = BoxedChain.forward(INTERFACES + """
                set firewall ipv4 forward filter rule 10 action 'drop'
                set firewall ipv4 forward filter rule 10 protocol 'tcp'
                set firewall ipv4 forward filter rule 10 destination port '23'
                set firewall ipv4 forward filter rule 20 action 'accept'
                set firewall ipv4 forward filter rule 20 source address '10.0.0.0/8'
                set firewall ipv4 forward filter rule 30 action 'drop'
                set firewall ipv4 forward filter rule 30 source address '10.1.0.0/16'
                """);

        ReachingPacket.Outcome outcome = ReachingPacket.find(
                chain.boxes().get(2), chain.possible(), chain.boxes().subList(0, 2));

        assertNull(outcome.packet());
        assertTrue(outcome.covered());
        assertEquals(List.of(1), outcome.cover());
    }
}
