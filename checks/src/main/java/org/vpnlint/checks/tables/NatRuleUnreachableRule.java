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
import org.vpnlint.datapath.CompiledNatRule;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.Router;

/**
 * A NAT rule that never acts: earlier rules of the same direction (source or destination, the first match decides,
 * exclude included) match every packet it would, on every interface it names. Proved with the solver over the
 * chains as the datapath compiles them, so EdgeOS {@code auto-firewall-nat-exclude} rules count as earlier rules.
 */
public final class NatRuleUnreachableRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("nat-rule-unreachable")
            .title("An earlier NAT rule matches everything this one would")
            .defaultLevel(Level.WARNING)
            .tags("nat")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Proves with Z3, for source and destination NAT separately, that every packet a rule matches (addresses, "
                            + "protocol, ports, interface) is matched by an earlier rule first; names the earlier rule.")
            .explanation("""
            NAT rules run in ascending rule number and only the first matching one acts (an `exclude` too: it \
            stops NAT for the packet). A rule placed after a wider one is dead. The classic case is an IPsec \
            `exclude` numbered after the masquerade rule it was meant to precede: it never runs, and the tunnel's \
            traffic is masqueraded. Rules on other interfaces do not shadow each other.""")
            .badExample("rules/nat-rule-unreachable/bad-exclude-after-masquerade.boot")
            .fixedExample("rules/nat-rule-unreachable/good-exclude-first.set")
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
            List<ShadowedRules.Chain> chains = new ArrayList<>();
            for (AddressFamily family : AddressFamily.values()) {
                CompiledRouter compiled = context.compiled(router, family);
                String familyName = family == AddressFamily.IPV6 ? " (IPv6)" : "";
                add(chains, router, compiled.sourceNat(), ChainHook.POSTROUTING, family, "source NAT" + familyName);
                add(
                        chains,
                        router,
                        compiled.destinationNat(),
                        ChainHook.PREROUTING,
                        family,
                        "destination NAT" + familyName);
            }
            ShadowedRules.examineAll(
                    context.solver(),
                    METADATA.id() + " " + router.file(),
                    chains,
                    (chain, verdict) -> findings.add(finding(router, chain, verdict)));
        }
    }

    private static void add(
            List<ShadowedRules.Chain> chains,
            Router router,
            List<CompiledNatRule> rules,
            ChainHook hook,
            AddressFamily family,
            String name) {
        if (rules.size() < 2) return;
        List<ChainEntry> entries = rules.stream()
                .map(compiled -> (ChainEntry) new ChainEntry.Nat(
                        compiled.rule(),
                        label(compiled),
                        action(compiled.rule()),
                        compiled.label().equals("rule " + compiled.rule().number())))
                .toList();
        chains.add(new ShadowedRules.Chain(
                name,
                hook,
                family,
                entries,
                InterfaceNames.of(
                        router,
                        rules.stream().map(r -> r.rule().interfaceMatch()).toList())));
    }

    private static String label(CompiledNatRule compiled) {
        NatRule rule = compiled.rule();
        boolean configured = compiled.label().equals("rule " + rule.number());
        return configured && rule.path() != null ? rule.path() : compiled.label();
    }

    private static String action(NatRule rule) {
        NatTranslation translation = rule.translation();
        if (translation == null) return "no translation";
        return switch (translation.kind()) {
            case EXCLUDE -> "exclude";
            case MASQUERADE -> "masquerade";
            case ADDRESS ->
                "translate to "
                        + (translation.addresses() == null
                                ? "the same address"
                                : translation.prefixMapLength() != null
                                        ? translation.addresses().getLower().toCompressedString() + "/"
                                                + translation.prefixMapLength()
                                        : translation
                                                        .addresses()
                                                        .getLower()
                                                        .equals(translation
                                                                .addresses()
                                                                .getUpper())
                                                ? translation
                                                        .addresses()
                                                        .getLower()
                                                        .toCompressedString()
                                                : translation.addresses().toString())
                        + (translation.port() == null ? "" : " port " + translation.port());
        };
    }

    private static Finding finding(Router router, ShadowedRules.Chain chain, ShadowedRules.Verdict verdict) {
        NatRule rule = ((ChainEntry.Nat) verdict.rule()).rule();
        String subject = Objects.requireNonNullElse(rule.path(), verdict.rule().label());
        if (verdict instanceof ShadowedRules.Undecided undecided) {
            return ShadowFindings.undecided(METADATA, chain, undecided, subject);
        }
        ShadowedRules.Shadowed shadowed = (ShadowedRules.Shadowed) verdict;
        return ShadowFindings.shadowed(METADATA, chain, shadowed, subject, router, fix(router, shadowed, rule));
    }

    /** Same action: delete the dead rule; another action: renumber it before the first rule that shadows it. */
    private static ConfigChange fix(Router router, ShadowedRules.Shadowed shadowed, NatRule rule) {
        if (rule.path() == null) return null;
        boolean sameAction = shadowed.covering().stream()
                .allMatch(c -> c.action().equals(shadowed.rule().action()));
        if (sameAction) return new ConfigChange().delete(Segment.path(rule.path()));
        NatRule first = ((ChainEntry.Nat) shadowed.covering().get(0)).rule();
        if (!shadowed.covering().get(0).configured()) return null; // nothing runs before the system's own rules
        String suffix = " rule " + rule.number();
        if (!rule.path().endsWith(suffix)) return null;
        // EdgeOS numbers source and destination rules in one list (service nat rule N)
        List<NatRule> numbered = new ArrayList<>();
        if (router.nat() != null) {
            boolean source = rule.direction() == NatDirection.SOURCE;
            if (source || router.dialect() == Dialect.EDGEOS)
                numbered.addAll(router.nat().sourceRules());
            if (!source || router.dialect() == Dialect.EDGEOS)
                numbered.addAll(router.nat().destinationRules());
        }
        int previous = numbered.stream()
                .mapToInt(NatRule::number)
                .filter(n -> n < first.number())
                .max()
                .orElse(0);
        Integer free = null;
        for (int candidate = first.number() - 1; candidate > previous; candidate--) {
            if (free == null) free = candidate;
            if (candidate % 5 == 0) {
                free = candidate;
                break;
            }
        }
        if (free == null) return null;
        return new ConfigChange()
                .rename(
                        Segment.path(rule.path().substring(0, rule.path().length() - suffix.length())),
                        Segment.of("rule", rule.number()),
                        Segment.of("rule", free));
    }
}
