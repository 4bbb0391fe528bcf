package org.vpnlint.checks.rules;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.Router;

/**
 * The router as one tunnel's question sees it: only the source NAT and firewall rules that could match a packet of
 * that question. On a router with thousands of rules, most name other networks, and the solver need not see them.
 *
 * <p>Why this keeps every answer. The questions asked of a slice constrain the header after destination NAT
 * ({@code Outcome.afterDestinationNat}, the header routing and lookup 1 see) to the tunnel's policy space: source
 * inside a local selector, destination inside a remote selector. POSTROUTING source NAT and every filter chain
 * (forward, input, output, and the named chains they jump to) match exactly that header; the only other header they
 * see is an ESP packet's, from a tunnel's local endpoint to its remote endpoint. A rule whose address conditions have
 * no packet in common with either space never matches in the question. In first-match order, a rule that never
 * matches neither acts nor hides later rules from any packet (an exclude, a jump or a return no more than a
 * translation or an accept), so removing it changes no outcome: not the translated header, not lookup 2, not a
 * filter verdict. Destination NAT sees the header before translation, which the question leaves free: it is kept
 * whole, and so are the rules the compiler adds itself (EdgeOS auto-firewall-nat-exclude, IPsec auto-accept).
 * The test is on addresses only and keeps a rule whenever it cannot tell (a negation that does not cover the whole
 * space, another address family, an endpoint the compiler does not know): a rule too many costs time, never an
 * answer. Witnesses are still replayed on the whole router, so no finding rests on the slice.
 */
final class TunnelTrafficSlice {

    /** Addresses as whole ranges (a selector's prefix, an endpoint's single address); null stands for any address. */
    private record AddressSpace(List<IPAddressSeqRange> ranges) {

        static AddressSpace of(List<IPAddress> addresses) {
            return addresses == null ? null : new AddressSpace(addresses.stream()
                    .map(address -> address.toPrefixBlock().toSequentialRange()).toList());
        }
    }

    /** Packets from {@code sources} to {@code destinations}: a tunnel's policy space, or the ESP packets. */
    private record PacketSpace(AddressSpace sources, AddressSpace destinations) {
    }

    private final List<PacketSpace> spaces = new ArrayList<>();

    private TunnelTrafficSlice(CompiledRouter compiled, List<CompiledTunnel> asked) {
        for (CompiledTunnel tunnel : asked) {
            spaces.add(new PacketSpace(AddressSpace.of(tunnel.localSelectors()), AddressSpace.of(tunnel.remoteSelectors())));
        }
        List<IPAddress> sources = new ArrayList<>();
        List<IPAddress> destinations = new ArrayList<>();
        for (CompiledTunnel any : compiled.tunnels()) {
            if (any.localEndpoint() == null) sources = null;   // the ESP packets of some tunnel may have any source
            else if (sources != null) sources.add(any.localEndpoint());
            if (any.remoteEndpoint() == null) destinations = null;
            else if (destinations != null) destinations.add(any.remoteEndpoint());
        }
        spaces.add(new PacketSpace(AddressSpace.of(sources), AddressSpace.of(destinations)));
    }

    /** The router without the source NAT and firewall rules that cannot match this tunnel's traffic nor any ESP packet. */
    static Router of(Router router, CompiledRouter compiled, CompiledTunnel tunnel) {
        return of(router, compiled, List.of(tunnel));
    }

    /**
     * The router for questions about any of these tunnels: a rule stays when it may match the traffic of one of
     * them (the union of the slices, so it answers each tunnel's question as its own slice does).
     */
    static Router of(Router router, CompiledRouter compiled, List<CompiledTunnel> tunnels) {
        return new TunnelTrafficSlice(compiled, tunnels).slice(router);
    }

    private Router slice(Router router) {
        NatConfig nat = router.nat() == null ? null : new NatConfig(
                router.nat().sourceRules().stream().filter(rule -> mayMatch(rule.match())).toList(),
                router.nat().destinationRules());
        FirewallConfig firewall = router.firewall() == null ? null
                : new FirewallConfig(slice(router.firewall().ipv4()), slice(router.firewall().ipv6()));
        return new Router(router.name(), router.file(), router.dialect(), router.interfaces(), router.routes(), nat,
                firewall, router.ipsec());
    }

    private FirewallFamily slice(FirewallFamily family) {
        if (family == null) return null;
        Map<String, FirewallChain> named = new LinkedHashMap<>();
        family.named().forEach((name, chain) -> named.put(name, slice(chain)));
        return new FirewallFamily(slice(family.forward()), slice(family.input()), slice(family.output()), named);
    }

    private FirewallChain slice(FirewallChain chain) {
        if (chain == null) return null;
        List<FirewallRule> kept = chain.rules().stream().filter(rule -> mayMatch(rule.match())).toList();
        if (kept.size() == chain.rules().size()) return chain;
        return new FirewallChain(chain.name(), chain.defaultAction(), kept, chain.path(), chain.location());
    }

    /** Whether a packet of a tunnel's policy space, or an ESP packet, may satisfy these address conditions. */
    private boolean mayMatch(PacketMatch match) {
        if (match == null) return true;
        return spaces.stream().anyMatch(space -> mayOverlap(match.source(), space.sources())
                && mayOverlap(match.destination(), space.destinations()));
    }

    /** Whether an address in {@code space} (null: any address) may satisfy the condition; true when unsure. */
    private static boolean mayOverlap(AddressMatch condition, AddressSpace space) {
        if (space == null || condition == null || condition.isAny()) return true;
        if (space.ranges().isEmpty()) return false;
        for (IPAddressSeqRange range : condition.ranges()) {
            for (IPAddressSeqRange block : space.ranges()) {
                if (range.getLower().getIPVersion() != block.getLower().getIPVersion()) return true;
            }
        }
        if (condition.negated()) {
            // "not in the ranges" misses the space only when one range holds each whole block
            return !space.ranges().stream().allMatch(block -> condition.ranges().stream().anyMatch(r -> r.contains(block)));
        }
        return condition.ranges().stream().anyMatch(range -> space.ranges().stream().anyMatch(range::overlaps));
    }
}
