package org.vpnlint.datapath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
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
 * failed to match is unknown. Interfaces and states are not looked at, so this says "may rest on" generously: a
 * finding that rests on nothing here is proved from what the file shows.
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
        for (PolicyRoute ruleset : model.policyRoutes()) {
            if (ruleset.ipv6() != (addresses == AddressFamily.IPV6) || ruleset.boundTo() == null) continue;
            for (PolicyRouteRule rule : ruleset.rules()) {
                if (rule.disabled()) continue;
                // a rule that only sets a mark changes no route: only what it could not read of its action matters
                List<Approximation> approximations = rule.steers()
                        ? rule.datapathApproximations()
                        : rule.datapathApproximations().stream()
                                .filter(a -> a.direction() == Approximation.Direction.UNKNOWN_ACTION)
                                .toList();
                add(uses, rule.path(), approximations, rule.match(), matches);
            }
        }
        return List.copyOf(uses);
    }

    private static void add(
            Set<Use> uses, String path, List<Approximation> approximations, PacketMatch match, RuleMatches matches) {
        for (Approximation approximation : approximations) {
            if (approximation.narrower() || matches.anyMatches(match)) uses.add(new Use(path, approximation));
        }
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
