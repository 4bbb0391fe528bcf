package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.model.Completeness;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.dialect.RouterMapper;
import org.vpnlint.solver.Z3Solver;

/**
 * Reads a configuration with the real reader and mapper and runs one rule on it, as the command line does. The
 * sample routers share a base (a branch office: WAN eth0 203.0.113.134/24, LAN eth1 192.168.10.1/24, default
 * route, IPsec peer 192.0.2.150, host name), a whole router; each test adds the lines its case is about.
 */
final class RuleRun {

    /** VyOS 1.2 branch office, no tunnel, no NAT yet. */
    static final List<String> BRANCH_1_2 = List.of(
            "set interfaces ethernet eth0 address '203.0.113.134/24'",
            "set interfaces ethernet eth1 address '192.168.10.1/24'",
            "set protocols static route 0.0.0.0/0 next-hop 203.0.113.1",
            "set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'",
            "set vpn ipsec esp-group ESP proposal 1 hash 'sha256'",
            "set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'",
            "set vpn ipsec ike-group IKE proposal 1 hash 'sha256'",
            "set vpn ipsec ike-group IKE key-exchange 'ikev2'",
            "set vpn ipsec ipsec-interfaces interface 'eth0'",
            "set vpn ipsec site-to-site peer 192.0.2.150 authentication mode 'pre-shared-secret'",
            "set vpn ipsec site-to-site peer 192.0.2.150 authentication pre-shared-secret 's3cret-one'",
            "set vpn ipsec site-to-site peer 192.0.2.150 default-esp-group 'ESP'",
            "set vpn ipsec site-to-site peer 192.0.2.150 ike-group 'IKE'",
            "set vpn ipsec site-to-site peer 192.0.2.150 local-address '203.0.113.134'",
            // interfaces and system: a whole router, so the rules may claim that something is absent
            "set system host-name 'branch'");

    /** The first article's tunnel: 192.168.10.0/24 ↔ 10.10.10.0/24. */
    static final List<String> ARTICLE_TUNNEL = List.of(
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '192.168.10.0/24'",
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'");

    private RuleRun() {}

    /** The base lines followed by the case's own lines, as one command script. */
    @SafeVarargs
    static String script(List<String>... parts) {
        List<String> lines = new ArrayList<>();
        for (List<String> part : parts) lines.addAll(part);
        return String.join("\n", lines) + "\n";
    }

    /**
     * The router of a test configuration. The cases are whole routers cut down to what each is about (no system
     * section, no footer), so they are taken as complete, as their authors meant them.
     */
    static Router router(String fileName, String text, Dialect dialect) {
        return asRead(fileName, text, dialect).withCompleteness(Completeness.WHOLE);
    }

    /** The router exactly as the reader and mapper see it, fragment or whole. */
    static Router asRead(String fileName, String text, Dialect dialect) {
        return RouterMapper.map(ConfigReader.read(fileName, text), dialect).router();
    }

    static List<Finding> findings(Rule rule, String fileName, String text, Dialect dialect) {
        return findings(rule, router(fileName, text, dialect));
    }

    static List<Finding> findings(Rule rule, Router router) {
        try (Z3Solver solver = new Z3Solver()) {
            return rule.check(Network.of(List.of(router)), new RuleContext(() -> solver));
        }
    }

    static List<Finding> findings(Rule rule, String text, Dialect dialect) {
        return findings(rule, "router.set", text, dialect);
    }

    /** The 1-based line of the first line containing {@code fragment}. */
    static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) return i + 1;
        }
        throw new IllegalArgumentException("no line contains " + fragment);
    }
}
