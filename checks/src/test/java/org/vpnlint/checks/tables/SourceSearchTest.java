package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.SymbolicQuery;
import org.vpnlint.solver.Z3Solver;

/** Peers without a configured address that share a local address send the same packets: one question each. */
class SourceSearchTest {

    /** VyOS 1.4 hub: two road-warrior peers on one address; the input filter drops IKE and NAT-T from everyone. */
    private static final String TWO_ROAD_WARRIORS = """
            set firewall ipv4 input filter default-action 'drop'
            set firewall ipv4 input filter rule 10 action 'accept'
            set firewall ipv4 input filter rule 10 state 'established'
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            set vpn ipsec interface 'eth0'
            set vpn ipsec site-to-site peer BRANCH authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer BRANCH authentication remote-id 'branch'
            set vpn ipsec site-to-site peer BRANCH connection-type 'respond'
            set vpn ipsec site-to-site peer BRANCH force-udp-encapsulation
            set vpn ipsec site-to-site peer BRANCH local-address '203.0.113.134'
            set vpn ipsec site-to-site peer BRANCH remote-address 'any'
            set vpn ipsec site-to-site peer BRANCH tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer BRANCH tunnel 1 remote prefix '10.10.20.0/24'
            set vpn ipsec site-to-site peer SHOP authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer SHOP authentication remote-id 'shop'
            set vpn ipsec site-to-site peer SHOP connection-type 'respond'
            set vpn ipsec site-to-site peer SHOP force-udp-encapsulation
            set vpn ipsec site-to-site peer SHOP local-address '203.0.113.134'
            set vpn ipsec site-to-site peer SHOP remote-address 'any'
            set vpn ipsec site-to-site peer SHOP tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer SHOP tunnel 1 remote prefix '10.10.30.0/24'
            """;

    @Test
    void roadWarriorsOnOneLocalAddressShareTheSolversAnswers() {
        try (CountingSolver solver = new CountingSolver()) {
            List<Finding> findings = new IkeBlockedByFirewallRule()
                    .check(
                            Network.of(List.of(RuleCheck.wholeRouter("hub.set", TWO_ROAD_WARRIORS, null))),
                            new RuleContext(() -> solver));

            assertEquals(
                    List.of("peer BRANCH|input", "peer SHOP|input"),
                    findings.stream().map(Finding::subject).toList());
            // IKE and NAT-T (ESP travels in udp 4500): does some source get through, which source is dropped
            assertEquals(4, solver.queries);
        }
    }

    /** Z3, counting the questions asked. */
    private static final class CountingSolver implements Solver {

        private final Z3Solver z3 = new Z3Solver();
        private int queries;

        @Override
        public SymbolicQuery<?, ?> newQuery(String purpose, Duration timeout) {
            queries++;
            return z3.newQuery(purpose, timeout);
        }

        @Override
        public void close() {
            z3.close();
        }
    }
}
