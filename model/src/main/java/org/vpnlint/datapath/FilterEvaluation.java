package org.vpnlint.datapath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final int MAX_JUMP_DEPTH = 32;   // VyOS rejects jump loops; this only guards against broken input

    private final HeaderAlgebra<B, V> algebra;
    private final CompiledFirewall firewall;
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
    FilterEvaluation(HeaderAlgebra<B, V> algebra, CompiledFirewall firewall, HeaderPredicates<B, V> header,
                     InterfacePredicates<B, V> inbound, InterfacePredicates<B, V> outbound, B decrypted) {
        this.algebra = algebra;
        this.firewall = firewall;
        this.ruleMatch = new RuleMatch<>(algebra, header);
        // every packet the model runs opens its connection: state conditions match only new
        this.firstPacket = states -> algebra.bool(states.contains(ConnectionState.NEW));
        this.inbound = inbound;
        this.outbound = outbound;
        this.decrypted = decrypted;
    }

    FilterOutcome<V> forward() {
        return base(firewall.chains().forward(), firewall.forwardAutoAccepts());
    }

    FilterOutcome<V> input() {
        return base(firewall.chains().input(), firewall.inputAutoAccepts());
    }

    FilterOutcome<V> output() {
        return base(firewall.chains().output(), List.of());
    }

    B accepted(FilterOutcome<V> outcome) {
        return algebra.eq(outcome.code(), code(ACCEPT));
    }

    private FilterOutcome<V> base(FirewallChain chain, List<AutoAccept> autoAccepts) {
        int defaultCode = switch (chain.defaultAction() == null ? FirewallAction.ACCEPT : chain.defaultAction()) {
            case DROP -> DROP;
            case REJECT -> REJECT;
            default -> ACCEPT;                    // a base chain's policy is accept unless it says drop/reject
        };
        FilterOutcome<V> outcome = chain(chain, true, defaultCode, 0);
        for (int i = autoAccepts.size() - 1; i >= 0; i--) {
            AutoAccept auto = autoAccepts.get(i);
            B matches = ruleMatch.packet(auto.match());
            outcome = new FilterOutcome<>(algebra.ifBits(matches, code(ACCEPT), outcome.code()),
                    algebra.ifBits(matches, id(firewall.idOf(auto)), outcome.rule()));
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
            default -> NO_DECISION;               // return: back to the calling chain
        };
        FilterOutcome<V> outcome = chain(chain, false, defaultCode, depth);
        namedOutcomes.put(name, outcome);
        return outcome;
    }

    private FilterOutcome<V> chain(FirewallChain chain, boolean base, int defaultCode, int depth) {
        V code = code(defaultCode);
        V rule = id(firewall.defaultIdOf(CompiledFirewall.key(chain, base)));
        List<FirewallRule> rules = chain.rules();
        for (int i = rules.size() - 1; i >= 0; i--) {
            FirewallRule firewallRule = rules.get(i);
            if (firewallRule.disabled()) continue;
            B matches = ruleMatch.firewallRule(firewallRule, inbound, outbound, firstPacket, decrypted);
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
                    B returned = algebra.eq(target.code(), code(NO_DECISION));
                    V afterJump = algebra.ifBits(returned, code, target.code());
                    V afterJumpRule = algebra.ifBits(returned, rule, target.rule());
                    code = algebra.ifBits(matches, afterJump, code);
                    rule = algebra.ifBits(matches, afterJumpRule, rule);
                }
                case CONTINUE -> {
                    // no decision: the next rule runs
                }
            }
        }
        return new FilterOutcome<>(code, rule);
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
