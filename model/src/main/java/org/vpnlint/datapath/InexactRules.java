package org.vpnlint.datapath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.Router;

/**
 * The rules read inexactly that a replayed packet's fate may rest on: firewall, NAT and policy-routing rules. A rule
 * read wider (a condition dropped, an ICMP type or TCP flags the data path has no field for) matters when its header
 * conditions, as read, match a header the packet had on its way: it may have taken the packet only because of what
 * was not read. A rule whose action could not be read (a policy-routing rule's load-balancing group) matters on the
 * same condition: it may have steered the packet elsewhere. A rule read narrower matters always, since what it
 * failed to match is unknown. Interfaces and states are not looked at (except which policy-routing rulesets see the
 * packet at all), so this says "may rest on" generously: a finding that rests on nothing here is proved from what
 * the file shows.
 */
public final class InexactRules {

    /** One inexact rule and what could not be read of it. */
    public record Use(String rule, Approximation approximation) {
        /** E.g. "firewall ipv4 input filter rule 20: 'icmp type-name echo-request' is not evaluated ...". */
        public String text() {
            String reason = approximation.reason();
            return reason.startsWith("'" + rule) ? reason : rule + ": " + reason;
        }
    }

    private InexactRules() {}

    public static List<Use> behind(Router model, PacketTrace trace) {
        AddressFamily addresses = trace.packet().family();
        RuleMatches matches = new RuleMatches(addresses, headers(addresses, trace));
        Set<Use> uses = new LinkedHashSet<>();
        FirewallFamily family = addresses == AddressFamily.IPV4
                ? model.firewall().ipv4()
                : model.firewall().ipv6();
        for (FirewallChain chain : chains(family)) {
            for (FirewallRule rule : chain.rules()) {
                if (!rule.disabled()) add(uses, rule.path(), rule.datapathApproximations(), rule.match(), matches);
            }
        }
        Stream.concat(model.nat().destinationRules().stream(), model.nat().sourceRules().stream())
                .filter(rule -> !rule.disabled())
                .forEach(rule -> add(uses, rule.path(), rule.datapathApproximations(), rule.match(), matches));
        policyRouting(model, trace, uses);
        return List.copyOf(uses);
    }

    /**
     * The policy-routing rules: they run in mangle PREROUTING on the packet as it arrived, so only that header and
     * the rulesets that see the packet count. A rule that only sets a mark changes no route: of it, only what could
     * not be read of its action counts.
     */
    private static void policyRouting(Router model, PacketTrace trace, Set<Use> uses) {
        AddressFamily addresses = trace.packet().family();
        RuleMatches arrival = new RuleMatches(
                addresses, headers(addresses, List.of(trace.packet().header())));
        for (PolicyRoute ruleset : model.policyRoutes()) {
            if (ruleset.ipv6() != (addresses == AddressFamily.IPV6)
                    || !seenBy(ruleset, trace.packet().ingress())) continue;
            for (PolicyRouteRule rule : ruleset.rules()) {
                if (rule.disabled()) continue;
                List<Approximation> approximations = rule.steers()
                        ? rule.datapathApproximations()
                        : rule.datapathApproximations().stream()
                                .filter(a -> a.direction() == Approximation.Direction.UNKNOWN_ACTION)
                                .toList();
                add(uses, rule.path(), approximations, rule.match(), arrival);
            }
        }
    }

    private static void add(
            Set<Use> uses, String path, List<Approximation> approximations, PacketMatch match, RuleMatches matches) {
        for (Approximation approximation : approximations) {
            if (approximation.narrower() || matches.anyMatches(match)) uses.add(new Use(path, approximation));
        }
    }

    /**
     * Whether a packet that entered so passes the ruleset in mangle PREROUTING: the router's own packets do not, one
     * arriving on an interface does when the ruleset is bound to it, and a decrypted one is counted whenever the
     * ruleset is bound at all (which interface it re-enters on is not looked at here).
     */
    private static boolean seenBy(PolicyRoute ruleset, Ingress ingress) {
        InterfaceMatch bound = ruleset.boundTo();
        if (bound == null || ingress.kind() == Ingress.Kind.LOCAL) return false;
        return ingress.kind() != Ingress.Kind.INTERFACE || bound.matches(ingress.interfaceName());
    }

    private static List<FirewallChain> chains(FirewallFamily family) {
        return family.allChains();
    }

    /** Every header the packet had: as it arrived, at each step, after the verdict, and its ESP packet. */
    private static List<Header<ConcreteBits>> headers(AddressFamily family, PacketTrace trace) {
        Set<ConcreteHeader> seen = new LinkedHashSet<>();
        seen.add(trace.packet().header());
        trace.steps().forEach(step -> seen.add(step.header()));
        if (trace.finalHeader() != null) seen.add(trace.finalHeader());
        if (trace.outerHeader() != null) seen.add(trace.outerHeader());
        return headers(family, seen);
    }

    private static List<Header<ConcreteBits>> headers(AddressFamily family, Collection<ConcreteHeader> seen) {
        List<Header<ConcreteBits>> headers = new ArrayList<>();
        for (ConcreteHeader header : seen) {
            if (header == null || header.family() != family) continue;
            headers.add(Header.constant(
                    ConcreteAlgebra.INSTANCE,
                    family,
                    family.valueOf(header.src()),
                    family.valueOf(header.dst()),
                    header.protocol(),
                    header.srcPort(),
                    header.dstPort()));
        }
        return headers;
    }

    private record RuleMatches(AddressFamily family, List<Header<ConcreteBits>> headers) {
        boolean anyMatches(PacketMatch match) {
            for (Header<ConcreteBits> header : headers) {
                if (new RuleMatch<>(ConcreteAlgebra.INSTANCE, family, header).packet(match)) return true;
            }
            return false;
        }
    }
}
