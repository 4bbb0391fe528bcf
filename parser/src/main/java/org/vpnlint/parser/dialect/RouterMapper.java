package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.Level;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.NhrpTunnel;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.ConfigTree;

/**
 * Turns a parsed configuration into the vendor-neutral {@link Router}: detects the dialect, then maps each
 * family (interfaces, static routes, NAT, firewall, IPsec) with the mapper for that concern.
 *
 * <p>It never throws. Nodes it does not understand become {@code unsupported-syntax} notes, values that do not
 * parse {@code invalid-value} warnings, and families vpnlint leaves alone on purpose (system, protocols bgp,
 * service ssh, ...) one {@code not-analysed} note each. A bug in one family's mapper costs only that family:
 * it is reported as {@code internal-error} and the rest of the file is still mapped.
 */
public final class RouterMapper {
    /** Top-level families that do not take part in how packets are NATed, filtered, routed or encrypted. */
    private static final Set<String> NOT_ANALYSED = Set.of(
            "system",
            "high-availability",
            "qos",
            "traffic-policy",
            "container",
            "pki",
            "traffic-control",
            "custom-attribute",
            "cluster",
            "service-policy");

    private RouterMapper() {}

    /** {@code override} is the {@code --dialect} option, or null to detect the dialect. */
    public static MappedRouter map(ConfigTree tree, Dialect override) {
        MappingProblems problems = new MappingProblems();
        ConfigNode root = tree.root();
        Dialect dialect = detect(tree, override, problems);

        FirewallGroups groups = guarded(
                problems,
                root.at("firewall", "group"),
                FirewallGroups.NONE,
                node -> FirewallGroups.read(node, problems));
        MappingContext interfaceContext = new MappingContext(dialect, problems, groups);

        ConfigNode interfacesNode = root.child("interfaces");
        List<NetInterface> interfaces =
                guarded(problems, interfacesNode, List.of(), node -> new InterfaceMapper(interfaceContext).map(node));
        // EdgeOS rules may name the groups it makes of each interface's addresses (ADDRv4_eth0, NETv4_eth0)
        MappingContext context = dialect == Dialect.EDGEOS
                ? new MappingContext(
                        dialect, problems, groups.withInterfaceAddressGroups(InterfaceAddressGroups.of(interfaces)))
                : interfaceContext;
        List<StaticRoute> routes = guarded(
                problems, root.at("protocols", "static"), List.of(), node -> new StaticRouteMapper(problems).map(node));

        NatMapper nat = new NatMapper(context);
        guardedReading(problems, root.child("nat"), node -> nat.readVyos(node, false));
        guardedReading(problems, root.child("nat66"), node -> nat.readVyos(node, true));
        guardedReading(problems, root.at("service", "nat"), nat::readEdgeos);

        // before 1.4, rulesets are defined under firewall and attached under interfaces
        ConfigNode firewallNode = root.child("firewall");
        ConfigNode zonePolicyNode = root.child("zone-policy"); // before 1.4; from 1.4 under firewall
        ConfigNode firewallParts =
                firewallNode != null ? firewallNode : interfacesNode != null ? interfacesNode : zonePolicyNode;
        FirewallConfig firewall = guarded(
                problems,
                firewallParts,
                FirewallConfig.OPEN,
                node -> new FirewallMapper(context).map(firewallNode, interfacesNode, zonePolicyNode));
        IpsecConfig ipsec = guarded(
                problems, root.at("vpn", "ipsec"), IpsecConfig.NONE, node -> new IpsecMapper(context).map(node));
        List<NhrpTunnel> nhrpTunnels =
                guarded(problems, root.at("protocols", "nhrp"), List.of(), node -> new NhrpMapper(problems).map(node));
        ConfigNode policyNode = root.child("policy");
        PolicyRouteMapper policyRouteMapper = new PolicyRouteMapper(context);
        List<PolicyRoute> policyRoutes = new ArrayList<>(guarded(
                problems,
                policyNode != null ? policyNode : firewallNode,
                List.of(),
                node -> policyRouteMapper.map(policyNode, firewallNode, interfacesNode)));
        LoadBalanceMapper.Installed loadBalancing =
                loadBalancing(root, context, policyRouteMapper.loadBalancedBy(), problems);
        // the load balancer's own marking rules run after policy routing's (docs/semantics/wan-load-balancing.md)
        policyRoutes.addAll(loadBalancing.rulesets());
        List<StaticRoute> allRoutes = new ArrayList<>(routes);
        allRoutes.addAll(loadBalancing.tables());

        reportOtherFamilies(root, dialect, problems);
        Router router = new Router(
                routerName(tree),
                tree.file(),
                dialect,
                interfaces,
                allRoutes,
                nat.result(),
                firewall,
                ipsec,
                hostName(tree),
                ShownParts.of(tree, interfaces, ipsec),
                policyRoutes,
                nhrpTunnels,
                loadBalancing.groups(),
                loadBalancing.ownConnections());
        List<Diagnostic> diagnostics = new ArrayList<>(problems.toList());
        diagnostics.sort(null);
        return new MappedRouter(router, dialect, diagnostics);
    }

    /** VyOS {@code load-balancing wan} or EdgeOS {@code load-balance}, whichever the dialect has. */
    private static LoadBalanceMapper.Installed loadBalancing(
            ConfigNode root,
            MappingContext context,
            java.util.Map<String, List<String>> loadBalancedBy,
            MappingProblems problems) {
        LoadBalanceMapper mapper = new LoadBalanceMapper(context);
        if (context.dialect() == Dialect.EDGEOS) {
            return guarded(
                    problems,
                    root.child("load-balance"),
                    LoadBalanceMapper.Installed.NONE,
                    node -> mapper.mapEdgeos(node, loadBalancedBy));
        }
        return guarded(problems, root.child("load-balancing"), LoadBalanceMapper.Installed.NONE, mapper::mapVyos);
    }

    /** The dialect, with a note saying why and the detector's wrong-version warnings. */
    private static Dialect detect(ConfigTree tree, Dialect override, MappingProblems problems) {
        DialectDecision decision;
        try {
            decision = DialectDetector.detect(tree, override);
        } catch (RuntimeException bug) {
            problems.internalError(tree.root(), bug);
            decision = new DialectDecision(
                    override != null ? override : Dialect.VYOS_1_4, "dialect detection failed", List.of());
        }
        problems.add(new Diagnostic(
                tree.root().location(),
                Level.NOTE,
                DiagnosticCodes.DIALECT,
                "read as " + decision.dialect().displayName() + ": " + decision.reason()));
        decision.diagnostics().forEach(problems::add);
        return decision.dialect();
    }

    /**
     * Runs one family's mapper on its node; a bug in it becomes an internal-error diagnostic and {@code fallback}.
     * An absent family (null node) is simply not mapped.
     */
    static <T> T guarded(MappingProblems problems, ConfigNode family, T fallback, Function<ConfigNode, T> mapper) {
        if (family == null) return fallback;
        try {
            T result = mapper.apply(family);
            return result == null ? fallback : result;
        } catch (RuntimeException bug) {
            problems.internalError(family, bug);
            return fallback;
        }
    }

    /** The same for a mapper that collects its results itself. */
    private static void guardedReading(MappingProblems problems, ConfigNode family, Consumer<ConfigNode> mapper) {
        guarded(problems, family, null, node -> {
            mapper.accept(node);
            return null;
        });
    }

    private static void reportOtherFamilies(ConfigNode root, Dialect dialect, MappingProblems problems) {
        for (ConfigNode family : root.children()) {
            switch (family.word()) {
                case "interfaces", "nat", "nat66", "firewall", "zone-policy" -> {
                    // mapped above
                }
                case "protocols" -> notAnalysedExcept(family, Set.of("static", "nhrp"), problems);
                case "vpn" -> notAnalysedExcept(family, Set.of("ipsec"), problems);
                case "service" -> notAnalysedExcept(family, Set.of("nat"), problems);
                case "policy" -> notAnalysedExcept(family, Set.of("route", "route6", "ipv6-route"), problems);
                case "load-balancing" -> notAnalysedExcept(family, Set.of("wan"), problems);
                case "load-balance" -> {
                    // mapped above (EdgeOS); VyOS has no such family
                    if (dialect != Dialect.EDGEOS) problems.unsupported(family);
                }
                case "port-forward" ->
                    problems.unsupported(
                            family,
                            "'port-forward' is not supported by vpnlint:"
                                    + " the destination NAT rules EdgeOS generates from it are not modelled");
                case "vrf" ->
                    problems.unsupported(
                            family,
                            "'vrf' is not supported by vpnlint:"
                                    + " every interface is analysed as if it were in the default routing table");
                default -> {
                    if (NOT_ANALYSED.contains(family.word())) problems.notAnalysed(family);
                    else problems.unsupported(family);
                }
            }
        }
    }

    private static void notAnalysedExcept(ConfigNode family, Set<String> analysed, MappingProblems problems) {
        for (ConfigNode child : family.children()) {
            if (!analysed.contains(child.word())) problems.notAnalysed(child);
        }
    }

    /** {@code system host-name}, or null. */
    private static String hostName(ConfigTree tree) {
        ConfigNode hostName = tree.root().at("system", "host-name");
        return hostName == null ? null : ConfigSection.valueOf(hostName);
    }

    /** {@code system host-name}, else the file name without directory and extension. */
    static String routerName(ConfigTree tree) {
        String hostName = hostName(tree);
        if (hostName != null) return hostName;
        String file = tree.file();
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String base = file.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
