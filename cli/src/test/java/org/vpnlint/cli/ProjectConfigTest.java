package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.checks.Network;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;

class ProjectConfigTest {
    private static final String RULE = "snat-captures-tunnel-traffic";

    @TempDir
    Path dir;

    private Analysis analysis() {
        return TestRules.reportingNatFindingIn("routers/router.boot", RULE, Level.ERROR);
    }

    @Test
    void aRuleCanBeTurnedOffInTheNearestConfigAboveTheInput() throws Exception {
        TestRules.write(dir, "routers/router.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "rules:\n  " + RULE + ": off\n");

        CliRun run = CliRun.in(dir, analysis(), "check", "routers/router.boot");

        assertEquals(0, run.exitCode(), run.out());
    }

    @Test
    void aRuleCanBeDowngradedToAWarning() throws Exception {
        TestRules.write(dir, "routers/router.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "rules:\n  " + RULE + ": warning\n");

        CliRun run = CliRun.in(dir, analysis(), "check", "routers/router.boot");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("warning " + RULE), run.out());
    }

    @Test
    void failOnComesFromTheConfigUnlessTheCommandLineSaysOtherwise() throws Exception {
        TestRules.write(dir, "routers/router.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "fail-on: never\n");

        assertEquals(
                0, CliRun.in(dir, analysis(), "check", "routers/router.boot").exitCode());
        assertEquals(
                1,
                CliRun.in(dir, analysis(), "check", "--fail-on", "error", "routers/router.boot")
                        .exitCode());
    }

    @Test
    void aMistakeIsReportedWithFileAndLineAndExitsTwo() throws Exception {
        TestRules.write(dir, "routers/router.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "rules:\n  " + RULE + ": loud\n");

        CliRun run = CliRun.in(dir, analysis(), "check", "routers/router.boot");

        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().contains(".vpnlint.yaml:2: " + RULE + " must be off, error, warning or note, not 'loud'"),
                run.err());
    }

    @Test
    void anUnknownRuleIsAMistake() throws Exception {
        TestRules.write(dir, "routers/router.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "fail-on: error\nrules:\n  no-such-rule: off\n");

        CliRun run = CliRun.in(dir, analysis(), "check", "routers/router.boot");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(".vpnlint.yaml:3: unknown rule 'no-such-rule'"), run.err());
    }

    @Test
    void natDeclarationsReachTheRulesWithTheRouterFileAsItIsReported() throws Exception {
        TestRules.write(dir, "routers/router.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", """
                nat:
                  - router: routers/router.boot
                    public-address: 198.51.100.7
                    kind: one-to-one
                  - router: branch-7
                    kind: masquerade
                """);
        List<Network.NatDeclaration> seen = new ArrayList<>();
        Analysis recording = new Analysis(
                List.of(TestRules.rule(TestRules.metadata("records", Level.NOTE, null), network -> {
                    seen.addAll(network.natDeclarations());
                    return List.of();
                })),
                TestRules::noSolver);

        CliRun run = CliRun.in(dir, recording, "check", "routers/router.boot");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                List.of(
                        new Network.NatDeclaration(
                                "routers/router.boot", "198.51.100.7", Network.NatDeclaration.Kind.ONE_TO_ONE),
                        new Network.NatDeclaration("branch-7", null, Network.NatDeclaration.Kind.MASQUERADE)),
                seen);
    }

    @Test
    void routersListedInTheConfigAreLoadedAsContext() throws Exception {
        TestRules.write(dir, "routers/changed.boot", TestRules.ROUTER);
        TestRules.write(dir, "routers/peer.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "routers:\n  - routers/\n");
        List<String> files = new ArrayList<>();
        Analysis recording = new Analysis(
                List.of(TestRules.rule(TestRules.metadata("records", Level.NOTE, null), network -> {
                    network.routers().forEach(router -> files.add(router.file()));
                    return List.of();
                })),
                TestRules::noSolver);

        CliRun run = CliRun.in(dir, recording, "check", "routers/changed.boot");

        assertTrue(run.out().contains("in 1 file (2 routers)"), run.out());
        assertEquals(
                List.of("routers/changed.boot", "routers/peer.boot"),
                files.stream().sorted().toList());
        assertEquals(0, run.exitCode(), run.out());
    }

    @Test
    void eachDirectoryMatchingANetworkPatternIsOneNetworkAndEveryOtherRouterIsAlone() throws Exception {
        TestRules.write(dir, "pairs/tokyo/east.boot", TestRules.ROUTER);
        TestRules.write(dir, "pairs/tokyo/west/config.boot", TestRules.ROUTER);
        TestRules.write(dir, "single/branch.boot", TestRules.ROUTER);
        TestRules.write(dir, "hub.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "networks:\n  - pairs/*\n");
        List<List<String>> networks = new ArrayList<>();
        Analysis recording = new Analysis(
                List.of(TestRules.rule(TestRules.metadata("records", Level.NOTE, null), network -> {
                    networks.add(network.routers().stream()
                            .map(router -> router.file())
                            .toList());
                    return List.of();
                })),
                TestRules::noSolver);

        CliRun run = CliRun.in(dir, recording, "check", ".");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                List.of(
                        List.of("hub.boot"),
                        List.of("pairs/tokyo/east.boot", "pairs/tokyo/west/config.boot"),
                        List.of("single/branch.boot")),
                networks);
    }

    @Test
    void networksMustBeAList() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "fail-on: error\nnetworks: pairs/*\n");

        CliRun run = CliRun.in(dir, analysis(), "check", "router.boot");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(".vpnlint.yaml:2: networks must be a list"), run.err());
    }

    @Test
    void aNetworkPatternMustBeAValidGlob() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        TestRules.write(dir, ".vpnlint.yaml", "networks:\n  - pairs/*\n  - sites/[eu\n");

        CliRun run = CliRun.in(dir, analysis(), "check", "router.boot");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(".vpnlint.yaml:3: 'sites/[eu' is not a valid glob pattern"), run.err());
    }

    private static final String VPN_ONLY = """
            set vpn ipsec interface 'eth1'
            set vpn ipsec site-to-site peer HUB local-address '203.0.113.46'
            set vpn ipsec site-to-site peer HUB remote-address '198.51.100.243'
            """;

    private List<Router> routersSeen(String yaml) throws Exception {
        TestRules.write(dir, "docs/vpn.set", VPN_ONLY);
        TestRules.write(dir, ".vpnlint.yaml", yaml);
        List<Router> seen = new ArrayList<>();
        Analysis recording = new Analysis(
                List.of(TestRules.rule(TestRules.metadata("records", Level.NOTE, null), network -> {
                    seen.addAll(network.routers());
                    return List.of();
                })),
                TestRules::noSolver);
        CliRun run = CliRun.in(dir, recording, "check", "docs/vpn.set");
        assertEquals(0, run.exitCode(), run.err());
        return seen;
    }

    @Test
    void aFragmentDeclaredCompleteIsWholeForTheRules() throws Exception {
        Router router = routersSeen("fragments:\n  - router: docs/vpn.set\n    complete: all\n")
                .get(0);

        for (RouterPart part : RouterPart.values()) assertTrue(router.shows(part), part.id());
    }

    @Test
    void declaredInterfaceAddressesAreAddedWithoutMakingThePartComplete() throws Exception {
        Router router = routersSeen("""
                fragments:
                  - router: docs/vpn.set
                    complete: [routes]
                    interfaces:
                      eth1: 203.0.113.46/24
                """).get(0);

        assertEquals(
                "eth1",
                router.interfaceWithAddress(new IPAddressString("203.0.113.46").getAddress())
                        .get()
                        .name());
        assertEquals(
                ".vpnlint.yaml",
                Path.of(router.findInterface("eth1").get().location().file())
                        .getFileName()
                        .toString());
        assertTrue(router.shows(RouterPart.ROUTES));
        assertFalse(router.shows(RouterPart.INTERFACES));
    }

    @Test
    void aFragmentsMistakeIsReportedWithItsLine() throws Exception {
        TestRules.write(dir, "docs/vpn.set", VPN_ONLY);
        TestRules.write(
                dir, ".vpnlint.yaml", "fragments:\n  - router: docs/vpn.set\n    complete: [interfaces, vpn]\n");

        CliRun run = CliRun.in(dir, analysis(), "check", "docs/vpn.set");

        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().contains(".vpnlint.yaml:3: complete lists interfaces, routes, nat or firewall, not 'vpn'"),
                run.err());
    }

    @Test
    void aDeclaredInterfaceAddressNeedsItsPrefixLength() throws Exception {
        TestRules.write(dir, "docs/vpn.set", VPN_ONLY);
        TestRules.write(
                dir,
                ".vpnlint.yaml",
                "fragments:\n  - router: docs/vpn.set\n    interfaces:\n      eth1: 203.0.113.46\n");

        CliRun run = CliRun.in(dir, analysis(), "check", "docs/vpn.set");

        assertEquals(2, run.exitCode());
        assertTrue(
                run.err().contains(".vpnlint.yaml:4: an interface address is written with its prefix length"),
                run.err());
    }
}
