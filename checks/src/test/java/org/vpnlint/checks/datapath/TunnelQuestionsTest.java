package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Router;
import org.vpnlint.solver.Z3Solver;

/** Questions answered on several threads give the findings of one thread, in the same order. */
class TunnelQuestionsTest {

    /** Twelve sites (three pipelines of four), every other one without its exclude, all without a blackhole. */
    private static String twelveSites() {
        List<String> lines = new ArrayList<>(List.of(
                "set interfaces ethernet eth0 address '203.0.113.1/24'",
                "set interfaces ethernet eth1 address '10.0.0.1/16'",
                "set protocols static route 0.0.0.0/0 next-hop '203.0.113.254'",
                "set vpn ipsec interface 'eth0'",
                "set vpn ipsec ike-group IKE key-exchange 'ikev2'",
                "set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'",
                "set vpn ipsec ike-group IKE proposal 1 hash 'sha256'",
                "set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'",
                "set vpn ipsec esp-group ESP proposal 1 hash 'sha256'",
                "set nat source rule 100 outbound-interface name 'eth0'",
                "set nat source rule 100 source address '10.0.0.0/16'",
                "set nat source rule 100 translation address 'masquerade'"));
        for (int site = 0; site < 12; site++) {
            String peer = "set vpn ipsec site-to-site peer site" + site + " ";
            lines.add(peer + "remote-address '198.51.100." + (site + 10) + "'");
            lines.add(peer + "local-address '203.0.113.1'");
            lines.add(peer + "authentication mode 'pre-shared-secret'");
            lines.add(peer + "ike-group 'IKE'");
            lines.add(peer + "default-esp-group 'ESP'");
            lines.add(peer + "tunnel 1 local prefix '10.0." + site + ".0/24'");
            lines.add(peer + "tunnel 1 remote prefix '172.16." + site + ".0/24'");
            if (site % 2 == 0) {
                lines.add("set nat source rule " + (site + 1) + " outbound-interface name 'eth0'");
                lines.add("set nat source rule " + (site + 1) + " destination address '172.16." + site + ".0/24'");
                lines.add("set nat source rule " + (site + 1) + " exclude");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void twoLanesGiveTheFindingsOfOne() {
        Router router = RuleCheck.wholeRouter("hub.set", twelveSites(), Dialect.VYOS_1_4);
        for (Rule rule : List.of(new SnatCapturesTunnelTrafficRule(), new TunnelTrafficLeaksWhenSaDownRule())) {
            List<Finding> oneLane;
            try (Z3Solver solver = new Z3Solver()) {
                // a context whose lanes share one solver answers every group on the calling thread
                oneLane = rule.check(Network.of(List.of(router)), new RuleContext(() -> solver));
            }
            List<Finding> twoLanes;
            try (RuleContext context = new RuleContext(Z3Solver::new)) {
                twoLanes = rule.check(Network.of(List.of(router)), context);
            }
            assertEquals(expected(rule), twoLanes.size(), rule.metadata().id());
            assertEquals(
                    oneLane.stream().map(Finding::subject).toList(),
                    twoLanes.stream().map(Finding::subject).toList());
            assertEquals(
                    oneLane.stream().map(Finding::message).toList(),
                    twoLanes.stream().map(Finding::message).toList());
        }
    }

    @Test
    void aFailureOnTheOtherLaneIsTheRulesFailure() {
        Router router = RuleCheck.wholeRouter("hub.set", twelveSites(), Dialect.VYOS_1_4);
        try (RuleContext context = new RuleContext(Z3Solver::new)) {
            // site5 is in the second pipeline, which the second lane answers
            IllegalStateException failure = assertThrows(
                    IllegalStateException.class,
                    () -> TunnelQuestions.forEachTunnel(
                            router, AddressFamily.IPV4, context, "test", (tunnel, pipeline, slices) -> {
                                if (tunnel.ref().peer().equals("site5"))
                                    throw new IllegalStateException("replay disagreement");
                                return List.of();
                            }));
            assertEquals("replay disagreement", failure.getMessage());
        }
    }

    /** Six sites lack their exclude; all twelve leak while their SA is down. */
    private static int expected(Rule rule) {
        return rule instanceof SnatCapturesTunnelTrafficRule ? 6 : 12;
    }
}
