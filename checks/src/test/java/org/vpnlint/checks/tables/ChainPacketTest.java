package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcreteAlgebra;
import org.vpnlint.datapath.ConcreteBits;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.DropReason;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * The rule questions match rules through the datapath's {@link org.vpnlint.datapath.RuleMatch}, over their own
 * interface numbering and conntrack state; that must agree with the replay: each rule below is the only drop rule
 * of an input filter, and for every probe packet the replay drops it exactly when the chain packet says it matches.
 */
class ChainPacketTest {

    private static final List<ConcretePacket> PROBES = List.of(
            ConcretePacket.tcp("198.51.100.7", 40000, "203.0.113.134", 22, Ingress.onInterface("eth0")),
            ConcretePacket.tcp("198.51.100.200", 22, "203.0.113.134", 443, Ingress.onInterface("eth0")),
            ConcretePacket.udp("198.51.100.7", 500, "203.0.113.134", 500, Ingress.onInterface("eth0")),
            ConcretePacket.udp("192.0.2.9", 4500, "203.0.113.134", 4500, Ingress.onInterface("eth0")),
            ConcretePacket.udp("192.168.10.20", 53000, "192.168.10.1", 53, Ingress.onInterface("eth1")),
            ConcretePacket.of("198.51.100.7", "203.0.113.134", ProtocolMatch.ESP, Ingress.onInterface("eth0")),
            ConcretePacket.of("192.168.10.20", "192.168.10.1", ProtocolMatch.ICMP, Ingress.onInterface("eth1")),
            ConcretePacket.of("198.51.100.9", "203.0.113.134", ProtocolMatch.GRE, Ingress.onInterface("eth0")));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "source address '198.51.100.0/25'",
                "source address '!198.51.100.0/25'",
                "source address '198.51.100.5-198.51.100.10'",
                "destination address '192.168.10.1'",
                "protocol 'tcp_udp'",
                "protocol '!udp'",
                "protocol 'esp'",
                "destination port '500,4500'",
                "destination port '!22'",
                "source port '1-1024'",
                "inbound-interface name 'eth1'",
                "inbound-interface name '!eth1'",
                "inbound-interface name 'eth*'",
                "state 'established'",
            })
    void ruleMatchesAgreeWithTheInputFilterReplay(String condition) {
        String config = """
                set firewall ipv4 input filter default-action 'accept'
                set firewall ipv4 input filter rule 10 action 'drop'
                set firewall ipv4 input filter rule 10 %s
                set interfaces ethernet eth0 address '203.0.113.134/24'
                set interfaces ethernet eth1 address '192.168.10.1/24'
                """.formatted(condition);
        Router router = RuleCheck.wholeRouter("conditions.set", config, null);
        FirewallRule rule = router.firewall().ipv4().input().rules().get(0);
        CompiledRouter compiled = CompiledRouter.compile(router, AddressFamily.IPV4);
        InterfaceNames names = InterfaceNames.of(router, List.of(rule.inbound(), rule.outbound()));

        for (ConcretePacket probe : PROBES) {
            PacketTrace replay = Datapath.replay(compiled, probe, SaStates.allUp());
            boolean droppedByRule = replay.dropReason() == DropReason.INPUT_FILTER;
            RulePacket.Values values = new RulePacket.Values(
                    AddressFamily.IPV4.valueOf(probe.src()),
                    AddressFamily.IPV4.valueOf(probe.dst()),
                    probe.protocol(),
                    probe.srcPort(),
                    probe.dstPort(),
                    compiled.ingressCode(probe.ingress()),
                    0,
                    false,
                    ConnectionState.NEW.ordinal());
            ChainPacket<Boolean, ConcreteBits> atInput = new ChainPacket<>(
                    ConcreteAlgebra.INSTANCE,
                    AddressFamily.IPV4,
                    RulePacket.concrete(AddressFamily.IPV4, values),
                    names);

            assertEquals(droppedByRule, atInput.firewallRule(rule), condition + " on " + probe);
        }
    }
}
