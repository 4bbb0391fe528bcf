package org.vpnlint.checks.diff;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/**
 * The packets a change can touch, when every changed node lies inside a source NAT rule or a filter rule: a packet
 * whose header after destination NAT matches no changed rule of either version (by its addresses) meets the same
 * rules in the same first-match order in both versions, so its fate is the same. The comparison then asks only about
 * packets in {@link #sources()} × {@link #destinations()} (after destination NAT), on routers sliced to what can act
 * on them.
 *
 * <p>Not used (the whole router is compared) when a change lies outside such a rule (a route, a tunnel, a chain's
 * default action, a whole new NAT section), when either version has destination NAT rules (a decrypted packet could
 * be translated into the space by a tunnel the slice leaves out), or when the space may hold an ESP packet of a
 * tunnel ({@link #mayHoldEsp}: source NAT and the output filter also see the encrypted packet).
 *
 * @param sources      prefixes the source may be in; null for any
 * @param destinations prefixes the destination may be in; null for any
 */
record ChangeSpace(List<IPAddress> sources, List<IPAddress> destinations) {

    static Optional<ChangeSpace> of(ChangedNodes changes, RouterVersion before, RouterVersion after) {
        if (!sameFooter(before, after)) return Optional.empty();
        if (hasDestinationNat(before.router()) || hasDestinationNat(after.router())) return Optional.empty();
        List<PacketMatch> touched = new ArrayList<>();
        for (ChangedNode change : changes.all()) {
            boolean inNew = change.kind() == ChangedNode.Kind.ADDED;
            Router router = (inNew ? after : before).router();
            PacketMatch match = null;
            boolean found = false;
            for (Rule rule : rules(router)) {
                List<String> path = changes.pathAt(rule.location(), inNew);
                if (path != null && startsWith(change.path(), path)) {
                    found = true;
                    match = rule.match();
                    break;
                }
            }
            if (!found) return Optional.empty();
            if (match == null) return Optional.empty(); // a rule without conditions matches everything
            touched.add(match);
        }
        List<IPAddress> sources = new ArrayList<>();
        List<IPAddress> destinations = new ArrayList<>();
        boolean anySource = false;
        boolean anyDestination = false;
        for (PacketMatch match : touched) {
            anySource |= !addPrefixes(match.source(), sources);
            anyDestination |= !addPrefixes(match.destination(), destinations);
        }
        if (anySource && anyDestination) return Optional.empty();
        return Optional.of(new ChangeSpace(anySource ? null : sources, anyDestination ? null : destinations));
    }

    /** The prefixes of one family (null stays null: any address). */
    ChangeSpace of(AddressFamily family) {
        return new ChangeSpace(
                sources == null
                        ? null
                        : sources.stream().filter(family::contains).toList(),
                destinations == null
                        ? null
                        : destinations.stream().filter(family::contains).toList());
    }

    /** Whether an ESP packet of one of the router's tunnels (an unknown endpoint: any address) may lie in the space. */
    boolean mayHoldEsp(CompiledRouter router) {
        for (CompiledTunnel tunnel : router.tunnels()) {
            IPAddress local = tunnel.localEndpoint();
            IPAddress remote = tunnel.remoteEndpoint();
            boolean from = local == null || sources == null || holds(sources, local);
            boolean to = remote == null || destinations == null || holds(destinations, remote);
            if (from && to) return true;
        }
        return false;
    }

    private static boolean holds(List<IPAddress> prefixes, IPAddress address) {
        return prefixes.stream()
                .anyMatch(prefix -> prefix.getIPVersion() == address.getIPVersion()
                        && prefix.toPrefixBlock().contains(address.withoutPrefixLength()));
    }

    /** Adds the condition's ranges as prefixes; false when it may hold for any address (any, or a negation). */
    private static boolean addPrefixes(AddressMatch condition, List<IPAddress> prefixes) {
        if (condition == null || condition.isAny() || condition.negated()) return false;
        for (IPAddressSeqRange range : condition.ranges()) {
            for (IPAddress prefix : range.spanWithPrefixBlocks()) {
                if (!prefixes.contains(prefix)) prefixes.add(prefix);
            }
        }
        return true;
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static boolean sameFooter(RouterVersion before, RouterVersion after) {
        return java.util.Objects.equals(
                        before.tree().componentVersions(), after.tree().componentVersions())
                && java.util.Objects.equals(
                        before.tree().releaseVersion(), after.tree().releaseVersion())
                && before.router().dialect() == after.router().dialect();
    }

    private static boolean hasDestinationNat(Router router) {
        return router.nat() != null && !router.nat().destinationRules().isEmpty();
    }

    /** A source NAT or filter rule: where it is and what it matches. */
    private record Rule(SourceLocation location, PacketMatch match) {}

    private static List<Rule> rules(Router router) {
        List<Rule> rules = new ArrayList<>();
        if (router.nat() != null) {
            for (NatRule rule : router.nat().sourceRules()) rules.add(new Rule(rule.location(), rule.match()));
        }
        if (router.firewall() != null) {
            for (FirewallFamily family : java.util.Arrays.asList(
                    router.firewall().ipv4(), router.firewall().ipv6())) {
                if (family == null) continue;
                for (FirewallChain chain : family.allChains()) {
                    if (chain == null) continue;
                    for (FirewallRule rule : chain.rules()) rules.add(new Rule(rule.location(), rule.match()));
                }
            }
        }
        return rules;
    }
}
