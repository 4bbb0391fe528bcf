package org.vpnlint.checks.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleBudgetExceeded;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.ZoneChains;

/**
 * A filter rule that never acts: earlier rules of the same chain (accept, drop, reject or return) match every packet
 * it would match, whatever its interfaces, conntrack state or IPsec origin. Proved per chain with the solver.
 */
public final class FirewallRuleUnreachableRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("firewall-rule-unreachable")
            .title("An earlier firewall rule matches everything this one would")
            .defaultLevel(Level.WARNING)
            .tags("firewall")
            .precision(RuleMetadata.Precision.HIGH)
            .summary( // earlier rules read wider than written prove nothing (a note instead)
                    "Proves with Z3, chain by chain, that no packet (any address, protocol, port, interface, conntrack state or "
                            + "IPsec origin) reaches a rule because earlier accept/drop/reject/return rules take all of them; "
                            + "names the earlier rule.")
            .explanation("""
            Rules of a chain run in ascending rule number and the first rule that accepts, drops, rejects or \
            returns decides. A rule whose every packet an earlier rule already takes is dead: if it has the same \
            action it is only clutter, if it has another one the configuration does not do what it says: a \
            `drop` for one host placed after an `accept` for its whole subnet never drops anything. Jump and \
            continue rules do not shadow later rules, since the packet may come back.

            The question is asked for every packet the chain can see, not only the first one of a flow, so \
            `state established` rules are compared as written, and so are ICMP/ICMPv6 types and codes and TCP \
            flags: an `echo-request` rule does not shadow a `nd-neighbor-solicit` one. A condition vpnlint cannot \
            read (rate limits, time, ...) makes its rule wider than written: such a rule may still be found \
            dead, but it never counts as the earlier rule that takes the packets; where only it would, vpnlint \
            says in a note what it could not read. See docs/semantics/approximation.md.""")
            .badExample("rules/firewall-rule-unreachable/bad-drop-after-subnet-accept.set")
            .fixedExample("rules/firewall-rule-unreachable/good-edgeos-established-then-drop.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        return RuleBudgetExceeded.keepingProved(findings -> examine(network, context, findings));
    }

    /** Adds the findings to the list as they are proved, so that a rule stopped by its budget keeps them. */
    private static void examine(Network network, RuleContext context, List<Finding> findings) {
        for (Router router : network.routers()) {
            FirewallConfig config = router.firewall() == null ? FirewallConfig.OPEN : router.firewall();
            List<ShadowedRules.Chain> chains = new ArrayList<>();
            addChains(chains, router, config.ipv4(), AddressFamily.IPV4);
            addChains(chains, router, config.ipv6(), AddressFamily.IPV6);
            ShadowedRules.examineAll(
                    context.solver(),
                    METADATA.id() + " " + router.file(),
                    chains,
                    (chain, verdict) -> findings.add(finding(router, chain, verdict)));
        }
    }

    private static void addChains(
            List<ShadowedRules.Chain> chains, Router router, FirewallFamily family, AddressFamily addresses) {
        if (family == null) return;
        add(chains, router, family.forward(), ChainHook.FORWARD, addresses, "forward filter");
        add(chains, router, family.input(), ChainHook.INPUT, addresses, "input filter");
        add(chains, router, family.output(), ChainHook.OUTPUT, addresses, "output filter");
        // the chains of a zone policy are vpnlint's rendering of it, not rules anyone wrote in that order
        family.named().forEach((name, chain) -> {
            if (!ZoneChains.isZoneChain(name)) add(chains, router, chain, ChainHook.NAMED, addresses, name);
        });
    }

    private static void add(
            List<ShadowedRules.Chain> chains,
            Router router,
            FirewallChain chain,
            ChainHook hook,
            AddressFamily family,
            String name) {
        List<FirewallRule> enabled =
                chain.rules().stream().filter(r -> !r.disabled()).toList();
        if (enabled.size() < 2) return;
        boolean legacyRuleset = hook == ChainHook.NAMED && router.dialect().legacyIpsecSyntax();
        String familyName = family == AddressFamily.IPV6 ? " (IPv6)" : "";
        List<ChainEntry> entries = enabled.stream()
                .map(rule -> (ChainEntry) new ChainEntry.Filter(
                        rule, "rule " + rule.number() + " of " + name + familyName, action(rule, legacyRuleset)))
                .toList();
        List<InterfaceMatch> conditions = new ArrayList<>();
        for (FirewallRule rule : enabled) {
            conditions.add(rule.inbound());
            conditions.add(rule.outbound());
        }
        chains.add(new ShadowedRules.Chain(
                name + familyName, hook, family, entries, InterfaceNames.of(router, conditions)));
    }

    /** Before 1.4 a ruleset's accept returns to the hook chain (vpnlint reads it as return); say accept as written. */
    private static String action(FirewallRule rule, boolean legacyRuleset) {
        if (rule.action() == FirewallAction.RETURN && legacyRuleset) return "accept";
        if (rule.action() == FirewallAction.JUMP) return "jump to " + rule.jumpTarget();
        return rule.action().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Finding finding(Router router, ShadowedRules.Chain chain, ShadowedRules.Verdict verdict) {
        FirewallRule rule = ((ChainEntry.Filter) verdict.rule()).rule();
        String subject = Objects.requireNonNullElse(rule.path(), verdict.rule().label());
        if (verdict instanceof ShadowedRules.Undecided undecided) {
            return ShadowFindings.undecided(METADATA, chain, undecided, subject);
        }
        ShadowedRules.Shadowed shadowed = (ShadowedRules.Shadowed) verdict;
        return ShadowFindings.shadowed(METADATA, chain, shadowed, subject, router, fix(router, chain, shadowed, rule));
    }

    /** Same action: delete the dead rule; another action: give it a number before the first rule that shadows it. */
    private static ConfigChange fix(
            Router router, ShadowedRules.Chain chain, ShadowedRules.Shadowed shadowed, FirewallRule rule) {
        if (rule.path() == null) return null;
        boolean sameAction = shadowed.covering().stream()
                .allMatch(c -> c.action().equals(shadowed.rule().action()));
        if (sameAction) return new ConfigChange().delete(Segment.path(rule.path()));
        FirewallRule first = ((ChainEntry.Filter) shadowed.covering().get(0)).rule();
        String chainPath = chainPath(rule);
        FirewallChain owner = FirewallChains.chainAt(router, first.location());
        Integer number = owner == null ? null : FirewallChains.freeNumberBefore(owner, first);
        if (chainPath == null || number == null) return null;
        return new ConfigChange()
                .rename(Segment.path(chainPath), Segment.of("rule", rule.number()), Segment.of("rule", number));
    }

    private static String chainPath(FirewallRule rule) {
        String suffix = " rule " + rule.number();
        return rule.path().endsWith(suffix)
                ? rule.path().substring(0, rule.path().length() - suffix.length())
                : null;
    }
}
