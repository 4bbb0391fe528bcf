package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.Level;
import org.vpnlint.model.NetInterface;
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
    private static final Set<String> NOT_ANALYSED = Set.of("system", "policy", "high-availability", "qos",
            "traffic-policy", "container", "pki", "load-balancing", "traffic-control", "custom-attribute", "cluster",
            "service-policy");

    private RouterMapper() {
    }

    /** {@code override} is the {@code --dialect} option, or null to detect the dialect. */
    public static MappedRouter map(ConfigTree tree, Dialect override) {
        MappingProblems problems = new MappingProblems();
        ConfigNode root = tree.root();
        DialectDecision decision = DialectDetector.detect(tree, override);
        Dialect dialect = decision.dialect();
        problems.add(new Diagnostic(root.location(), Level.NOTE, DiagnosticCodes.DIALECT,
                "read as " + dialect.displayName() + ": " + decision.reason()));
        decision.diagnostics().forEach(problems::add);

        FirewallGroups groups = guarded(problems, root.at("firewall", "group"), FirewallGroups.NONE,
                () -> FirewallGroups.read(root.at("firewall", "group"), problems));
        MappingContext context = new MappingContext(dialect, problems, groups);

        ConfigNode interfacesNode = root.child("interfaces");
        List<NetInterface> interfaces = guarded(problems, interfacesNode, List.of(),
                () -> new InterfaceMapper(context).map(interfacesNode));
        ConfigNode staticNode = root.at("protocols", "static");
        List<StaticRoute> routes = guarded(problems, staticNode, List.of(),
                () -> new StaticRouteMapper(problems).map(staticNode));

        NatMapper nat = new NatMapper(context);
        guarded(problems, root.child("nat"), null, () -> {
            nat.readVyos(root.child("nat"), false);
            return null;
        });
        guarded(problems, root.child("nat66"), null, () -> {
            nat.readVyos(root.child("nat66"), true);
            return null;
        });
        guarded(problems, root.at("service", "nat"), null, () -> {
            nat.readEdgeos(root.at("service", "nat"));
            return null;
        });

        ConfigNode firewallNode = root.child("firewall");
        FirewallConfig firewall = guarded(problems, firewallNode != null ? firewallNode : root, FirewallConfig.OPEN,
                () -> new FirewallMapper(context).map(firewallNode, interfacesNode));
        ConfigNode ipsecNode = root.at("vpn", "ipsec");
        IpsecConfig ipsec = guarded(problems, ipsecNode, IpsecConfig.NONE, () -> new IpsecMapper(context).map(ipsecNode));

        reportOtherFamilies(root, problems);
        Router router = new Router(routerName(tree), tree.file(), dialect, interfaces, routes, nat.result(), firewall, ipsec);
        List<Diagnostic> diagnostics = new ArrayList<>(problems.toList());
        diagnostics.sort(null);
        return new MappedRouter(router, dialect, diagnostics);
    }

    /**
     * Runs one family's mapper; a bug in it becomes an internal-error diagnostic and {@code fallback}.
     * An absent family node (null) is simply not mapped.
     */
    private static <T> T guarded(MappingProblems problems, ConfigNode family, T fallback, Supplier<T> mapper) {
        if (family == null) return fallback;
        try {
            T result = mapper.get();
            return result == null ? fallback : result;
        } catch (RuntimeException bug) {
            problems.internalError(family, bug);
            return fallback;
        }
    }

    private static void reportOtherFamilies(ConfigNode root, MappingProblems problems) {
        for (ConfigNode family : root.children()) {
            switch (family.word()) {
                case "interfaces", "nat", "nat66", "firewall" -> {
                    // mapped above
                }
                case "protocols" -> notAnalysedExcept(family, "static", problems);
                case "vpn" -> notAnalysedExcept(family, "ipsec", problems);
                case "service" -> notAnalysedExcept(family, "nat", problems);
                case "zone-policy" -> problems.unsupported(family, "'zone-policy' is not supported by vpnlint:"
                        + " zone-based filtering is not modelled, so forwarded traffic is analysed as if no zone policy existed");
                case "port-forward" -> problems.unsupported(family, "'port-forward' is not supported by vpnlint:"
                        + " the destination NAT rules EdgeOS generates from it are not modelled");
                case "vrf" -> problems.unsupported(family, "'vrf' is not supported by vpnlint:"
                        + " every interface is analysed as if it were in the default routing table");
                default -> {
                    if (NOT_ANALYSED.contains(family.word())) problems.notAnalysed(family);
                    else problems.unsupported(family);
                }
            }
        }
    }

    private static void notAnalysedExcept(ConfigNode family, String analysed, MappingProblems problems) {
        for (ConfigNode child : family.children()) {
            if (!child.word().equals(analysed)) problems.notAnalysed(child);
        }
    }

    /** {@code system host-name}, else the file name without directory and extension. */
    static String routerName(ConfigTree tree) {
        ConfigNode hostName = tree.root().at("system", "host-name");
        if (hostName != null && hostName.value() != null) return hostName.value();
        String file = tree.file();
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        String base = file.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
