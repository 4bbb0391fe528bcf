package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.vpnlint.model.LoadBalancedWan;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;

/**
 * A router reduced to the plain tables the kernel consults, for one address family: interfaces and tunnels
 * numbered for the pipeline's enumerations, routes in lookup order, XFRM policies in priority order, NAT rules in
 * chain order, filter chains. Built once by {@link #compile}, then evaluated any number of times, concretely or
 * symbolically.
 *
 * <p>Enumerations (all {@link #INDEX_WIDTH}-bit terms):
 * <ul>
 *   <li>interface index: 0 none, 1..n the router's interfaces in configuration order;</li>
 *   <li>ingress: 0 locally generated, 1..n arriving on interface i, n+k decrypted by tunnel k;</li>
 *   <li>tunnel index: 0 none, 1..T the enabled CHILD_SAs (policy-based tunnels and VTIs) in configuration order.</li>
 * </ul>
 *
 * @param conditions the conditions of these tables as numbers, for fast evaluation
 * @param notes      what the model could not represent (e.g. an unresolvable next hop), for diagnostics
 * @param policyRouting the policy-routing rules of mangle PREROUTING that steer packets, in the order they run
 * @param ownConnectionBalancing the load balancer's rules for the router's own connections (mangle OUTPUT), in the
 *                      order they run; their {@code boundTo} is the condition on the interface the socket's route chose
 */
public record CompiledRouter(
        Router router,
        AddressFamily family,
        List<NetInterface> interfaces,
        List<CompiledTunnel> tunnels,
        List<RouteEntry> routes,
        List<PolicyEntry> policies,
        List<CompiledNatRule> destinationNat,
        List<CompiledNatRule> sourceNat,
        CompiledFirewall firewall,
        CompiledConditions conditions,
        List<String> notes,
        List<CompiledPolicyRule> policyRouting,
        List<CompiledPolicyRule> ownConnectionBalancing) {

    public static final int INDEX_WIDTH = 32;

    public CompiledRouter {
        interfaces = List.copyOf(interfaces);
        tunnels = List.copyOf(tunnels);
        routes = List.copyOf(routes);
        policies = List.copyOf(policies);
        destinationNat = List.copyOf(destinationNat);
        sourceNat = List.copyOf(sourceNat);
        notes = List.copyOf(notes);
        policyRouting = List.copyOf(policyRouting);
        ownConnectionBalancing = List.copyOf(ownConnectionBalancing);
    }

    public static CompiledRouter compile(Router router, AddressFamily family) {
        return new RouterCompiler(router, family).compile();
    }

    /** 1-based index of the interface, or 0 when the router has no interface of that name. */
    public int interfaceIndex(String name) {
        for (int i = 0; i < interfaces.size(); i++) {
            if (interfaces.get(i).name().equals(name)) return i + 1;
        }
        return 0;
    }

    public NetInterface interfaceAt(int index) {
        return interfaces.get(index - 1);
    }

    /** The interface's name, or "-" for index 0. */
    public String interfaceName(int index) {
        return index == 0 ? "-" : interfaceAt(index).name();
    }

    /** The address masquerade and source selection use: the interface's first address of this family. */
    public Optional<IPAddress> primaryAddress(int interfaceIndex) {
        if (interfaceIndex == 0) return Optional.empty();
        return RouteCompiler.primaryAddress(interfaceAt(interfaceIndex), family);
    }

    public CompiledTunnel tunnelAt(int index) {
        return tunnels.get(index - 1);
    }

    /** 1-based index of the tunnel, or 0 when no enabled tunnel has that name. */
    public int tunnelIndex(TunnelRef ref) {
        for (CompiledTunnel tunnel : tunnels) {
            if (tunnel.ref().equals(ref)) return tunnel.index();
        }
        return 0;
    }

    /** Whether a load balancer chooses among WANs for some connections (the choice is then an input). */
    public boolean balancesConnections() {
        return balancingRules().findAny().isPresent();
    }

    /** Every rule that marks connections for a WAN: forwarded ones in PREROUTING, the router's own in OUTPUT. */
    private Stream<CompiledPolicyRule> balancingRules() {
        return Stream.concat(policyRouting.stream(), ownConnectionBalancing.stream())
                .filter(CompiledPolicyRule::balances);
    }

    /**
     * The WANs the load balancer may give the router's own connections, each once, in the groups' order; empty when
     * it leaves them alone. A replay of the router's own packet asks about each ({@link ConcretePacket#balancedTo}).
     */
    public List<String> ownConnectionWans() {
        return ownConnectionBalancing.stream()
                .filter(CompiledPolicyRule::balances)
                .flatMap(rule -> rule.group().wans().stream())
                .map(LoadBalancedWan::interfaceName)
                .distinct()
                .toList();
    }

    /**
     * The WAN a witness's choice names: a WAN of some load-balance group, or null (the first WAN of the group then).
     */
    public String balancedWan(java.math.BigInteger choice) {
        if (choice.signum() <= 0 || choice.compareTo(java.math.BigInteger.valueOf(interfaces.size())) > 0) return null;
        String name = interfaceName(choice.intValue());
        boolean balanced = balancingRules()
                .anyMatch(rule -> rule.group().wans().stream()
                        .anyMatch(w -> w.interfaceName().equals(name)));
        return balanced ? name : null;
    }

    /** Number of ingress values: locally generated, each interface, each tunnel's decrypted traffic. */
    public int ingressCount() {
        return 1 + interfaces.size() + tunnels.size();
    }

    public int ingressCode(Ingress ingress) {
        return switch (ingress.kind()) {
            case LOCAL -> 0;
            case INTERFACE -> {
                int index = interfaceIndex(ingress.interfaceName());
                if (index == 0)
                    throw new IllegalArgumentException("the router has no interface " + ingress.interfaceName());
                yield index;
            }
            case DECRYPTED -> {
                int index = tunnelIndex(ingress.tunnel());
                if (index == 0) throw new IllegalArgumentException("the router has no enabled " + ingress.tunnel());
                yield interfaces.size() + index;
            }
        };
    }

    public Ingress ingressOf(int code) {
        if (code == 0) return Ingress.local();
        if (code <= interfaces.size())
            return Ingress.onInterface(interfaceAt(code).name());
        return Ingress.decryptedBy(tunnelAt(code - interfaces.size()).ref());
    }
}
