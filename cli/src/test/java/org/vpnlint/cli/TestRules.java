package org.vpnlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.Witness;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.solver.Solver;

/**
 * Rules made for the CLI's tests: they report fixed findings at chosen lines, so that suppressions, baselines,
 * exit codes and reports can be tested without depending on what the real rules find.
 */
final class TestRules {
    /** A router whose NAT rule 10 (line 8) captures the tunnel of peer 192.0.2.150 (line 19); PSK on line 22. */
    static final String ROUTER = """
            interfaces {
                ethernet eth0 {
                    address 203.0.113.134/24
                }
            }
            nat {
                source {
                    rule 10 {
                        outbound-interface eth0
                        translation {
                            address 203.0.113.134
                        }
                    }
                }
            }
            vpn {
                ipsec {
                    site-to-site {
                        peer 192.0.2.150 {
                            authentication {
                                mode pre-shared-secret
                                pre-shared-secret Sup3rS3cretPSK
                            }
                            local-address 203.0.113.134
                        }
                    }
                }
            }
            """;

    static final String PSK = "Sup3rS3cretPSK";
    static final int NAT_RULE_LINE = 8;
    static final int PEER_LINE = 19;

    private TestRules() {}

    static Path write(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static RuleMetadata metadata(String id, Level level, String securitySeverity) {
        return RuleMetadata.builder(id)
                .title("Source NAT captures the tunnel's traffic")
                .defaultLevel(level)
                .tags("nat", "ipsec")
                .securitySeverity(securitySeverity)
                .precision(RuleMetadata.Precision.HIGH)
                .summary("A packet that matches the tunnel's selectors is source-NATed first and leaves unencrypted.")
                .explanation(
                        "The kernel applies SNAT in POSTROUTING before the IPsec policy lookup that decides encryption.")
                .badExample("rules/snat-captures-tunnel-traffic/bad-masquerade.set")
                .fixedExample("rules/snat-captures-tunnel-traffic/good-exclude-before-snat.boot")
                .build();
    }

    static Rule rule(RuleMetadata metadata, Function<Network, List<Finding>> findings) {
        return new Rule() {
            @Override
            public RuleMetadata metadata() {
                return metadata;
            }

            @Override
            public List<Finding> check(Network network, RuleContext context) {
                return findings.apply(network);
            }
        };
    }

    /** The NAT rule finding of {@link #ROUTER} in {@code file}, the way a real rule would report it. */
    static Finding natFinding(String ruleId, Level level, String file, String message) {
        SourceLocation natRule = new SourceLocation(file, NAT_RULE_LINE, 9, 13, 10);
        SourceLocation peer = SourceLocation.at(file, PEER_LINE, 17);
        return Finding.of(ruleId, level)
                .message(message)
                .at(natRule)
                .related(List.of(new RelatedLocation(peer, "IPsec tunnel 1 of peer 192.0.2.150")))
                .witness(new Witness("192.168.10.100", "10.10.10.200", "tcp", 1024, 22, "eth1", "up"))
                .trace(List.of(
                        new TraceStep.Note(
                                "route",
                                "10.10.10.200 via table 220 → eth0",
                                null,
                                "192.168.10.100:1024 → 10.10.10.200:22",
                                null),
                        new TraceStep.Note(
                                "postrouting-snat",
                                "rule 10: src 192.168.10.100 → 203.0.113.134",
                                natRule,
                                "203.0.113.134:1024 → 10.10.10.200:22",
                                null),
                        new TraceStep.Note(
                                "policy-lookup-after-snat",
                                "no policy matches: cleartext",
                                peer,
                                "203.0.113.134:1024 → 10.10.10.200:22",
                                null)))
                .fix("set nat source rule 5 exclude")
                .subject("nat source rule 10|peer 192.0.2.150 tunnel 1")
                .build();
    }

    /** An analysis with one rule that reports the NAT finding in every file named {@code file}. */
    static Analysis reportingNatFindingIn(String file, String ruleId, Level level) {
        RuleMetadata metadata = metadata(ruleId, level, "8.0");
        Rule rule = rule(
                metadata,
                network -> List.of(
                        natFinding(
                                ruleId,
                                level,
                                file,
                                "Source NAT rule 10 rewrites traffic of IPsec tunnel 1 before the policy lookup, so it leaves in cleartext.")));
        return new Analysis(List.of(rule), TestRules::noSolver);
    }

    static Solver noSolver() {
        throw new AssertionError("these tests never ask for the solver");
    }
}
