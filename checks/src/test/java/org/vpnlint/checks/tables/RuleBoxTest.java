package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.checks.tables.RuleConditions.Field;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.ConcreteAlgebra;
import org.vpnlint.datapath.ConcreteBits;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.Router;

/**
 * Boxes decide reachability without the solver, so they must agree with the matching the solver's terms use
 * ({@link ChainPacket}): for many packets at the edges of the rules' ranges, a rule's box holds the packet exactly
 * when the rule matches it, and a hook's boxes hold it exactly when it is possible there.
 */
class RuleBoxTest {

    private static final String CONDITIONS = """
            set interfaces ethernet eth0 address '203.0.113.1/24'
            set interfaces ethernet eth1 address '10.0.0.1/8'
            set firewall ipv4 name LAN_IN rule 10 action 'accept'
            set firewall ipv4 name LAN_IN rule 10 source address '10.1.0.0/16'
            set firewall ipv4 name LAN_IN rule 20 action 'drop'
            set firewall ipv4 name LAN_IN rule 20 destination address '!10.1.2.0-10.1.2.9'
            set firewall ipv4 name LAN_IN rule 20 protocol 'tcp_udp'
            set firewall ipv4 name LAN_IN rule 20 destination port '!22'
            set firewall ipv4 name LAN_IN rule 30 action 'accept'
            set firewall ipv4 name LAN_IN rule 30 protocol '!tcp'
            set firewall ipv4 name LAN_IN rule 30 inbound-interface name 'eth+'
            set firewall ipv4 name LAN_IN rule 30 state 'established'
            set firewall ipv4 name LAN_IN rule 30 state 'related'
            set firewall ipv4 name LAN_IN rule 40 action 'drop'
            set firewall ipv4 name LAN_IN rule 40 protocol 'udp'
            set firewall ipv4 name LAN_IN rule 40 source port '1-1024,4500'
            set firewall ipv4 name LAN_IN rule 40 outbound-interface name '!eth0'
            set firewall ipv4 name LAN_IN rule 40 ipsec match-ipsec
            set firewall ipv4 name LAN_IN rule 50 action 'drop'
            set firewall ipv4 name LAN_IN rule 50 source address '2001:db8::/32'
            set firewall ipv4 name LAN_IN rule 60 action 'reject'
            set firewall ipv4 name LAN_IN rule 60 inbound-interface name 'eth1'
            set firewall ipv4 name LAN_IN rule 60 destination address '!10.0.0.0/8'
            set firewall ipv4 name LAN_IN rule 60 ipsec match-none
            set firewall ipv4 name LAN_IN rule 70 action 'accept'
            set firewall ipv4 name LAN_IN rule 70 protocol 'esp'
            set firewall ipv4 name LAN_IN rule 70 outbound-interface name 'eth0'
            set firewall ipv4 name LAN_IN rule 70 source address '203.0.113.0/24'
            set nat source rule 10 outbound-interface name 'eth0'
            set nat source rule 10 destination address '172.16.0.0/12'
            set nat source rule 10 exclude
            set nat source rule 20 outbound-interface name 'eth+'
            set nat source rule 20 protocol 'tcp'
            set nat source rule 20 destination port '443'
            set nat source rule 20 translation address 'masquerade'
            set nat destination rule 10 inbound-interface name 'eth0'
            set nat destination rule 10 destination address '203.0.113.1'
            set nat destination rule 10 translation address '10.1.2.3'
            """;

    @ParameterizedTest
    @EnumSource(ChainHook.class)
    void boxesAgreeWithTheChainPacketOnFilterRules(ChainHook hook) {
        Router router = RuleCheck.wholeRouter("conditions.set", CONDITIONS, null);
        List<FirewallRule> rules =
                router.firewall().ipv4().named().get("LAN_IN").rules();
        List<InterfaceMatch> interfaceConditions = new ArrayList<>();
        for (FirewallRule rule : rules) {
            interfaceConditions.add(rule.inbound());
            interfaceConditions.add(rule.outbound());
        }
        List<ChainEntry> entries = rules.stream()
                .map(rule -> (ChainEntry) new ChainEntry.Filter(
                        rule, "rule " + rule.number(), rule.action().name()))
                .toList();

        assertAgree(hook, entries, InterfaceNames.of(router, interfaceConditions));
    }

    @Test
    void boxesAgreeWithTheChainPacketOnNatRules() {
        Router router = RuleCheck.wholeRouter("conditions.set", CONDITIONS, null);
        List<NatRule> source = router.nat().sourceRules();
        List<NatRule> destination = router.nat().destinationRules();
        assertAgree(
                ChainHook.POSTROUTING,
                natEntries(source),
                InterfaceNames.of(
                        router, source.stream().map(NatRule::interfaceMatch).toList()));
        assertAgree(
                ChainHook.PREROUTING,
                natEntries(destination),
                InterfaceNames.of(
                        router,
                        destination.stream().map(NatRule::interfaceMatch).toList()));
    }

    private static List<ChainEntry> natEntries(List<NatRule> rules) {
        return rules.stream()
                .map(rule -> (ChainEntry) new ChainEntry.Nat(rule, "rule " + rule.number(), "nat", true))
                .toList();
    }

    private static void assertAgree(ChainHook hook, List<ChainEntry> entries, InterfaceNames interfaces) {
        AddressFamily family = AddressFamily.IPV4;
        List<RuleConditions> rules = entries.stream()
                .map(entry -> RuleConditions.of(entry, family, interfaces))
                .toList();
        List<RuleConditions> atHook = RuleConditions.possibleAt(hook, interfaces);
        List<RuleConditions> all = new ArrayList<>(rules);
        all.addAll(atHook);
        PacketScales scales = PacketScales.of(family, all);
        List<RuleBox> possible = atHook.stream()
                .map(conditions -> RuleBox.of(conditions, scales))
                .toList();
        Random random = new Random(7);
        for (int probe = 0; probe < 3000; probe++) {
            RulePacket.Values packet = edgePacket(scales, random);
            int[] pieces = scales.pieces(packet);
            ChainPacket<Boolean, ConcreteBits> replay = new ChainPacket<>(
                    ConcreteAlgebra.INSTANCE, family, RulePacket.concrete(family, packet), interfaces);

            boolean isPossible = replay.wellFormed() && replay.at(hook);
            assertEquals(isPossible, possible.stream().anyMatch(box -> box.contains(pieces)), hook + " " + packet);
            for (int i = 0; i < entries.size(); i++) {
                RuleBox box = RuleBox.of(rules.get(i), scales);
                assertEquals(
                        replay.matches(entries.get(i)),
                        box.contains(pieces),
                        entries.get(i).label() + " " + packet);
            }
        }
    }

    /** A packet whose every field is the first value of a piece or the last value before it, where answers change. */
    private static RulePacket.Values edgePacket(PacketScales scales, Random random) {
        BigInteger[] values = new BigInteger[RuleConditions.FIELD_COUNT];
        for (int field = 0; field < values.length; field++) {
            FieldScale scale = scales.field(field);
            BigInteger start = scale.firstValue(random.nextInt(scale.pieces()));
            values[field] = random.nextBoolean() && start.signum() > 0 ? start.subtract(BigInteger.ONE) : start;
        }
        return new RulePacket.Values(
                values[Field.SOURCE.ordinal()],
                values[Field.DESTINATION.ordinal()],
                values[Field.PROTOCOL.ordinal()].intValue(),
                values[Field.SOURCE_PORT.ordinal()].intValue(),
                values[Field.DESTINATION_PORT.ordinal()].intValue(),
                values[Field.INBOUND.ordinal()].intValue(),
                values[Field.OUTBOUND.ordinal()].intValue(),
                values[Field.DECRYPTED.ordinal()].signum() != 0,
                values[Field.STATE.ordinal()].intValue());
    }

    /** Rule 30 wants tcp or udp to port 22 from 10/8: rule 10 (tcp) and rule 20 (udp) each take part of it, rule 5 all. */
    @Test
    void coversAndOverlapsCountOnlyPacketsPossibleAtTheHook() {
        BoxedChain chain = BoxedChain.forward("""
                set interfaces ethernet eth0 address '203.0.113.1/24'
                set firewall ipv4 forward filter rule 5 action 'drop'
                set firewall ipv4 forward filter rule 5 destination port '22'
                set firewall ipv4 forward filter rule 10 action 'drop'
                set firewall ipv4 forward filter rule 10 protocol 'tcp'
                set firewall ipv4 forward filter rule 20 action 'drop'
                set firewall ipv4 forward filter rule 20 protocol 'udp'
                set firewall ipv4 forward filter rule 25 action 'drop'
                set firewall ipv4 forward filter rule 25 protocol 'icmp'
                set firewall ipv4 forward filter rule 30 action 'accept'
                set firewall ipv4 forward filter rule 30 protocol 'tcp_udp'
                set firewall ipv4 forward filter rule 30 destination port '22'
                set firewall ipv4 forward filter rule 30 source address '10.0.0.0/8'
                """);
        RuleBox portOnly = chain.boxes().get(0);
        RuleBox tcp = chain.boxes().get(1);
        RuleBox udp = chain.boxes().get(2);
        RuleBox icmp = chain.boxes().get(3);
        RuleBox ssh = chain.boxes().get(4);

        assertTrue(portOnly.covers(ssh, chain.possible()));
        assertFalse(tcp.covers(ssh, chain.possible()));
        assertTrue(tcp.overlaps(ssh, chain.possible()));
        assertTrue(udp.overlaps(ssh, chain.possible()));
        assertFalse(icmp.overlaps(ssh, chain.possible()));
    }
}
