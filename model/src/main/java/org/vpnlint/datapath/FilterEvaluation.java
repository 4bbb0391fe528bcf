package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallRule;

/**
 * Runs a filter hook (forward, input, output) for one header: base chain rules in number order, jumps into named
 * chains and back on return, the chain's default action when no rule decides. Every packet the model runs is the
 * first of its connection, so state conditions match only {@code new}. Named chains are evaluated once per hook
 * and shared by every jump to them.
 */
final class FilterEvaluation<B, V> {

    static final int NO_DECISION = 0;
    static final int ACCEPT = 1;
    static final int DROP = 2;
    static final int REJECT = 3;
    static final int CODE_WIDTH = 8;
    private static final int MAX_JUMP_DEPTH = 32; // VyOS rejects jump loops; this only guards against broken input

    private final HeaderAlgebra<B, V> algebra;
    private final CompiledFirewall firewall;
    private final CompiledConditions conditions;
    private final HeaderPredicates<B, V> header;
    private final RuleMatch<B, V> ruleMatch;
    private final RuleMatch.States<B> firstPacket;
    private final InterfacePredicates<B, V> inbound;
    private final InterfacePredicates<B, V> outbound;
    private final B decrypted;
    private final Map<String, FilterOutcome<V>> namedOutcomes = new HashMap<>();

    /**
     * @param inbound  the input interface, null at the output hook
     * @param outbound the output interface, null at the input hook
     * @param decrypted whether the packet came out of an IPsec SA ({@code ipsec match-ipsec})
     */
    FilterEvaluation(
            HeaderAlgebra<B, V> algebra,
            CompiledRouter router,
            HeaderPredicates<B, V> header,
            InterfacePredicates<B, V> inbound,
            InterfacePredicates<B, V> outbound,
            B decrypted) {
        this.algebra = algebra;
        this.firewall = router.firewall();
        this.conditions = router.conditions();
        this.header = header;
        this.ruleMatch = new RuleMatch<>(algebra, header);
        // every packet the model runs opens its connection: state conditions match only new
        this.firstPacket = states -> algebra.bool(states.contains(ConnectionState.NEW));
        this.inbound = inbound;
        this.outbound = outbound;
        this.decrypted = decrypted;
    }

    FilterOutcome<V> forward() {
        return thenZones(
                base(firewall.chains().forward(), firewall.forwardAutoAccepts()),
                firewall.chains().zoneForward());
    }

    FilterOutcome<V> input() {
        return thenZones(
                base(firewall.chains().input(), firewall.inputAutoAccepts()),
                firewall.chains().zoneInput());
    }

    FilterOutcome<V> output() {
        return thenZones(
                base(firewall.chains().output(), List.of()), firewall.chains().zoneOutput());
    }

    /**
     * The zone base chain runs after the filter chain of the same hook (VyOS 1.4+: nftables priority 1 after 0),
     * and an accept in one base chain only ends that chain: the packet is accepted when both accept. The accept is
     * credited to the zone chain only when a zone rule gave it, not when no zone applied.
     */
    private FilterOutcome<V> thenZones(FilterOutcome<V> filter, FirewallChain zones) {
        if (zones == null || (zones.rules().isEmpty() && zones.defaultAction() == FirewallAction.ACCEPT)) {
            return filter;
        }
        FilterOutcome<V> zone = base(zones, List.of());
        B filterAccepts = accepted(filter);
        B zoneRuleDecides =
                algebra.not(algebra.eq(zone.rule(), id(firewall.defaultIdOf(CompiledFirewall.key(zones, true)))));
        B creditZone = algebra.or(algebra.not(accepted(zone)), zoneRuleDecides);
        return new FilterOutcome<>(
                algebra.ifBits(filterAccepts, zone.code(), filter.code()),
                algebra.ifBits(algebra.and(filterAccepts, creditZone), zone.rule(), filter.rule()));
    }

    B accepted(FilterOutcome<V> outcome) {
        return algebra.eq(outcome.code(), code(ACCEPT));
    }

    /** EdgeOS's automatic accepts come before the chain's rules: one that surely matches decides alone. */
    private FilterOutcome<V> base(FirewallChain chain, List<AutoAccept> autoAccepts) {
        FirstMatch<B> scan = new FirstMatch<>(algebra);
        for (int i = 0; i < autoAccepts.size() && !scan.decided(); i++) {
            scan.offer(i, ruleMatch.packet(autoAccepts.get(i).match()));
        }
        FilterOutcome<V> outcome;
        if (scan.decided()) {
            outcome = new FilterOutcome<>(code(ACCEPT), id(firewall.idOf(autoAccepts.get(scan.winner()))));
        } else {
            int defaultCode = switch (chain.defaultAction() == null ? FirewallAction.ACCEPT : chain.defaultAction()) {
                case DROP -> DROP;
                case REJECT -> REJECT;
                default -> ACCEPT; // a base chain's policy is accept unless it says drop/reject
            };
            outcome = chain(chain, true, defaultCode, 0);
        }
        for (int k = scan.undecided() - 1; k >= 0; k--) {
            B matches = scan.condition(k);
            outcome = new FilterOutcome<>(
                    algebra.ifBits(matches, code(ACCEPT), outcome.code()),
                    algebra.ifBits(matches, id(firewall.idOf(autoAccepts.get(scan.position(k)))), outcome.rule()));
        }
        return outcome;
    }

    private FilterOutcome<V> named(String name, int depth) {
        FilterOutcome<V> known = namedOutcomes.get(name);
        if (known != null) return known;
        FirewallChain chain = firewall.chains().named().get(name);
        if (chain == null || depth > MAX_JUMP_DEPTH) return new FilterOutcome<>(code(NO_DECISION), id(0));
        int defaultCode = switch (chain.defaultAction() == null ? FirewallAction.RETURN : chain.defaultAction()) {
            case ACCEPT -> ACCEPT;
            case DROP -> DROP;
            case REJECT -> REJECT;
            default -> NO_DECISION; // return: back to the calling chain
        };
        FilterOutcome<V> outcome = chain(chain, false, defaultCode, depth);
        namedOutcomes.put(name, outcome);
        return outcome;
    }

    /**
     * A chain's rules in order ({@link FirstMatch}). A rule that decides ends the chain where it surely matches; a
     * jump does so only when its target surely decides, and a jump whose target surely returns changes nothing.
     */
    private FilterOutcome<V> chain(FirewallChain chain, boolean base, int defaultCode, int depth) {
        List<FirewallRule> rules = chain.rules();
        FirstMatch<B> scan = new FirstMatch<>(algebra);
        int[] candidates = candidates(chain);
        for (int c = 0; c < candidates.length && !scan.decided(); c++) {
            int i = candidates[c];
            FirewallRule firewallRule = rules.get(i);
            if (firewallRule.disabled() || firewallRule.action() == FirewallAction.CONTINUE) continue; // no decision
            B matches = ruleMatch.firewallRule(firewallRule, inbound, outbound, firstPacket, decrypted);
            if (Boolean.FALSE.equals(algebra.truthOf(matches))) continue;
            if (firewallRule.action() != FirewallAction.JUMP) {
                scan.offer(i, matches);
                continue;
            }
            Boolean returns = algebra.truthOf(returned(named(firewallRule.jumpTarget(), depth + 1)));
            if (Boolean.FALSE.equals(returns)) {
                scan.offer(i, matches);
            } else if (returns == null) {
                scan.keep(i, matches);
            }
        }
        V code;
        V rule;
        if (scan.decided()) {
            FirewallRule winner = rules.get(scan.winner());
            FilterOutcome<V> decision = decision(winner, base, defaultCode, depth);
            code = decision.code();
            rule = decision.rule();
        } else {
            code = code(defaultCode);
            rule = id(firewall.defaultIdOf(CompiledFirewall.key(chain, base)));
        }
        for (int k = scan.undecided() - 1; k >= 0; k--) {
            FirewallRule firewallRule = rules.get(scan.position(k));
            B matches = scan.condition(k);
            V ruleId = id(firewall.idOf(firewallRule));
            switch (firewallRule.action()) {
                case ACCEPT, DROP, REJECT -> {
                    code = algebra.ifBits(matches, code(codeOf(firewallRule.action())), code);
                    rule = algebra.ifBits(matches, ruleId, rule);
                }
                case RETURN -> {
                    // in a named chain: back to the caller; in a base chain: the chain's policy
                    code = algebra.ifBits(matches, code(base ? defaultCode : NO_DECISION), code);
                    rule = algebra.ifBits(matches, ruleId, rule);
                }
                case JUMP -> {
                    FilterOutcome<V> target = named(firewallRule.jumpTarget(), depth + 1);
                    B returned = returned(target);
                    V afterJump = algebra.ifBits(returned, code, target.code());
                    V afterJumpRule = algebra.ifBits(returned, rule, target.rule());
                    code = algebra.ifBits(matches, afterJump, code);
                    rule = algebra.ifBits(matches, afterJumpRule, rule);
                }
                case CONTINUE -> {
                    // never kept: no decision
                }
            }
        }
        return new FilterOutcome<>(code, rule);
    }

    /**
     * The positions of the chain's rules that may match, ascending: with both addresses known, those whose address
     * conditions may hold (the others surely fail), else all.
     */
    private int[] candidates(FirewallChain chain) {
        BigInteger source = header.knownSource();
        BigInteger destination = header.knownDestination();
        AddressIndex index = conditions.rulesOf(chain);
        if (source == null || destination == null || index == null)
            return IntStream.range(0, chain.rules().size()).toArray();
        return index.candidates(source, destination);
    }

    /** What a rule that surely matches decides; for a jump, one whose target surely decides. */
    private FilterOutcome<V> decision(FirewallRule rule, boolean base, int defaultCode, int depth) {
        return switch (rule.action()) {
            case ACCEPT, DROP, REJECT -> new FilterOutcome<>(code(codeOf(rule.action())), id(firewall.idOf(rule)));
            case RETURN -> new FilterOutcome<>(code(base ? defaultCode : NO_DECISION), id(firewall.idOf(rule)));
            case JUMP -> named(rule.jumpTarget(), depth + 1);
            case CONTINUE -> throw new IllegalStateException("a continue rule decides nothing");
        };
    }

    /** The jump target came back without a decision: the calling chain goes on. */
    private B returned(FilterOutcome<V> target) {
        return algebra.eq(target.code(), code(NO_DECISION));
    }

    private static int codeOf(FirewallAction action) {
        return switch (action) {
            case ACCEPT -> ACCEPT;
            case DROP -> DROP;
            default -> REJECT;
        };
    }

    private V code(int value) {
        return algebra.bits(value, CODE_WIDTH);
    }

    private V id(int value) {
        return algebra.bits(value, CompiledRouter.INDEX_WIDTH);
    }
}
