package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PacketMatch;

/**
 * The conditions of a compiled router's tables as numbers, computed once when the router is compiled rather than on
 * every evaluation: the address ranges of every NAT and filter rule, the interfaces each interface condition names,
 * the prefixes of the XFRM policies and routes. Read-only once built, so evaluations may share it; a condition it
 * does not hold (a caller's own rule) is computed when asked.
 */
public final class CompiledConditions {

    /** A NAT rule's address and interface conditions, at the rule's position in its chain. */
    record NatRuleConditions(AddressRanges source, AddressRanges destination, boolean[] interfaces) {}

    /** A NAT chain's rules' conditions in chain order, and the rules by address. */
    record NatChainConditions(List<NatRuleConditions> rules, AddressIndex byAddress) {}

    private final AddressFamily family;
    private final List<NetInterface> interfaces;
    private final Map<AddressMatch, AddressRanges> addresses = new IdentityHashMap<>();
    // thousands of rules name the same group, whose ranges they share as one list: one computation per list
    private final Map<List<?>, AddressRanges> rangesOfList = new IdentityHashMap<>();
    private final Map<List<?>, AddressRanges> negatedRangesOfList = new IdentityHashMap<>();
    private final Map<InterfaceMatch, boolean[]> interfaceSets = new IdentityHashMap<>();
    private final Map<InterfaceMatch, boolean[]> equalInterfaceSets = new HashMap<>();
    private final PrefixBlock[] policyLocal;
    private final PrefixBlock[] policyRemote;
    /** Per policy: the position of the first policy of the same tunnel and prefix pair (a trap entry and its regular twin). */
    private final int[] policySelector;

    private final PrefixIndex policiesByLocal;
    private final PrefixIndex policiesByRemote;
    private final PrefixBlock[] routePrefixes;
    private final PrefixIndex routesByPrefix;
    private final Map<FirewallChain, OnFirstUse<AddressIndex>> chainRules = new IdentityHashMap<>();
    private final OnFirstUse<NatChainConditions> destinationNat;
    private final OnFirstUse<NatChainConditions> sourceNat;

    CompiledConditions(
            AddressFamily family,
            List<NetInterface> interfaces,
            List<PolicyEntry> policies,
            List<RouteEntry> routes,
            List<CompiledNatRule> destinationNat,
            List<CompiledNatRule> sourceNat,
            CompiledFirewall firewall) {
        this.family = family;
        this.interfaces = List.copyOf(interfaces);
        this.destinationNat = new OnFirstUse<>(() -> natChain(destinationNat));
        this.sourceNat = new OnFirstUse<>(() -> natChain(sourceNat));
        for (FirewallChain chain : chainsOf(firewall.chains())) {
            for (FirewallRule rule : chain.rules()) {
                add(rule.match());
                add(rule.inbound());
                add(rule.outbound());
            }
            List<PacketMatch> matches =
                    chain.rules().stream().map(FirewallRule::match).toList();
            chainRules.put(chain, new OnFirstUse<>(() -> new AddressIndex(family, matches, this::addresses)));
        }
        firewall.forwardAutoAccepts().forEach(auto -> add(auto.match()));
        firewall.inputAutoAccepts().forEach(auto -> add(auto.match()));

        policyLocal = new PrefixBlock[policies.size()];
        policyRemote = new PrefixBlock[policies.size()];
        policySelector = new int[policies.size()];
        Map<PolicyEntry.Selector, Integer> firstWithSelector = new HashMap<>();
        for (int i = 0; i < policies.size(); i++) {
            PolicyEntry policy = policies.get(i);
            policyLocal[i] = PrefixBlock.of(policy.localPrefix());
            policyRemote[i] = PrefixBlock.of(policy.remotePrefix());
            policySelector[i] =
                    firstWithSelector.computeIfAbsent(policy.selector(), selector -> firstWithSelector.size());
        }
        policiesByLocal = PrefixIndex.of(family, policyLocal);
        policiesByRemote = PrefixIndex.of(family, policyRemote);
        routePrefixes =
                routes.stream().map(route -> PrefixBlock.of(route.prefix())).toArray(PrefixBlock[]::new);
        routesByPrefix = PrefixIndex.of(family, routePrefixes);
    }

    /** The conditions of each destination NAT rule, in chain order. */
    NatChainConditions destinationNat() {
        return destinationNat.get();
    }

    /** The conditions of each source NAT rule, in chain order. */
    NatChainConditions sourceNat() {
        return sourceNat.get();
    }

    /** The rules of a filter chain of the router by address; null for a chain the router does not have. */
    AddressIndex rulesOf(FirewallChain chain) {
        OnFirstUse<AddressIndex> index = chainRules.get(chain);
        return index == null ? null : index.get();
    }

    /** The address condition as ranges of the router's family. */
    AddressRanges addresses(AddressMatch match) {
        AddressRanges known = addresses.get(match);
        return known != null ? known : AddressRanges.of(match, family);
    }

    /** Indexed by interface index (0 = no interface): whether the condition names that interface. */
    boolean[] interfaces(InterfaceMatch match) {
        boolean[] known = interfaceSets.get(match);
        return known != null ? known : interfaceSet(match);
    }

    PrefixBlock policyLocal(int position) {
        return policyLocal[position];
    }

    PrefixBlock policyRemote(int position) {
        return policyRemote[position];
    }

    /** Policies with the same number share one selector: the same tunnel and prefix pair. */
    int policySelector(int position) {
        return policySelector[position];
    }

    /** The policies whose local prefix holds the address, ascending. */
    int[] policiesWithLocalHolding(BigInteger address) {
        return policiesByLocal.holding(address);
    }

    /** The policies whose remote prefix holds the address, ascending. */
    int[] policiesWithRemoteHolding(BigInteger address) {
        return policiesByRemote.holding(address);
    }

    /** The routes whose prefix holds the address, ascending. */
    int[] routesHolding(BigInteger address) {
        return routesByPrefix.holding(address);
    }

    PrefixBlock routePrefix(int position) {
        return routePrefixes[position];
    }

    /** Built on first use, so it adds nothing to the shared maps: equal conditions share numbers within the chain. */
    private NatChainConditions natChain(List<CompiledNatRule> rules) {
        Map<AddressMatch, AddressRanges> ranges = new IdentityHashMap<>();
        Map<InterfaceMatch, boolean[]> interfaceSets = new HashMap<>();
        List<NatRuleConditions> conditions = new ArrayList<>();
        for (CompiledNatRule rule : rules) {
            PacketMatch match = rule.rule().match();
            AddressRanges source = ranges.computeIfAbsent(match.source(), m -> AddressRanges.of(m, family));
            AddressRanges destination = ranges.computeIfAbsent(match.destination(), m -> AddressRanges.of(m, family));
            InterfaceMatch on = rule.rule().interfaceMatch();
            boolean[] named = on == null ? null : interfaceSets.computeIfAbsent(on, this::interfaceSet);
            conditions.add(new NatRuleConditions(source, destination, named));
        }
        List<PacketMatch> matches =
                rules.stream().map(rule -> rule.rule().match()).toList();
        return new NatChainConditions(List.copyOf(conditions), new AddressIndex(family, matches, ranges::get));
    }

    private void add(PacketMatch match) {
        addresses.computeIfAbsent(match.source(), this::sharedRanges);
        addresses.computeIfAbsent(match.destination(), this::sharedRanges);
    }

    /** The ranges of the condition, the same object for every condition with the same list and negation. */
    private AddressRanges sharedRanges(AddressMatch match) {
        return (match.negated() ? negatedRangesOfList : rangesOfList)
                .computeIfAbsent(match.ranges(), ranges -> AddressRanges.of(match, family));
    }

    private void add(InterfaceMatch match) {
        // thousands of rules name the same interface: equal conditions share one set
        if (match != null)
            interfaceSets.computeIfAbsent(match, m -> equalInterfaceSets.computeIfAbsent(m, this::interfaceSet));
    }

    private boolean[] interfaceSet(InterfaceMatch match) {
        boolean[] names = new boolean[interfaces.size() + 1];
        for (int i = 1; i <= interfaces.size(); i++)
            names[i] = match.matches(interfaces.get(i - 1).name());
        return names;
    }

    private static List<FirewallChain> chainsOf(FirewallFamily family) {
        return family.allChains();
    }
}
