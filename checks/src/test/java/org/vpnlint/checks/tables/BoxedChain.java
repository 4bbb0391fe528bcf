package org.vpnlint.checks.tables;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.ConcreteAlgebra;
import org.vpnlint.datapath.ConcreteBits;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.Router;

/** The IPv4 forward filter of a configuration as boxes, the way {@link ShadowedRules} sees it. */
record BoxedChain(
        List<ChainEntry> entries,
        InterfaceNames interfaces,
        PacketScales scales,
        List<RuleBox> boxes,
        List<RuleBox> possible) {

    static BoxedChain forward(String config) {
        Router router = RuleCheck.wholeRouter("forward.set", config, null);
        List<FirewallRule> rules = router.firewall().ipv4().forward().rules();
        List<InterfaceMatch> interfaceConditions = new ArrayList<>();
        for (FirewallRule rule : rules) {
            interfaceConditions.add(rule.inbound());
            interfaceConditions.add(rule.outbound());
        }
        InterfaceNames interfaces = InterfaceNames.of(router, interfaceConditions);
        List<ChainEntry> entries = rules.stream()
                .map(rule -> (ChainEntry) new ChainEntry.Filter(
                        rule, "rule " + rule.number(), rule.action().name()))
                .toList();
        List<RuleConditions> conditions = entries.stream()
                .map(entry -> RuleConditions.of(entry, AddressFamily.IPV4, interfaces))
                .toList();
        List<RuleConditions> atHook = RuleConditions.possibleAt(ChainHook.FORWARD, interfaces);
        List<RuleConditions> all = new ArrayList<>(conditions);
        all.addAll(atHook);
        PacketScales scales = PacketScales.of(AddressFamily.IPV4, all);
        return new BoxedChain(
                entries,
                interfaces,
                scales,
                conditions.stream().map(rule -> RuleBox.of(rule, scales)).toList(),
                atHook.stream().map(rule -> RuleBox.of(rule, scales)).toList());
    }

    /** The packet replayed with the chain packet's concrete matching. */
    ChainPacket<Boolean, ConcreteBits> replay(RulePacket.Values values) {
        return new ChainPacket<>(
                ConcreteAlgebra.INSTANCE,
                AddressFamily.IPV4,
                RulePacket.concrete(AddressFamily.IPV4, values),
                interfaces);
    }
}
