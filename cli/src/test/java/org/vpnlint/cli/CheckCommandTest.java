package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.ike.IpsecPskMismatchRule;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;

class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void anErrorFindingExitsOneAndIsPrintedAsFileLineColumn() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);

        CliRun run = CliRun.in(
                dir,
                TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR),
                "check",
                "router.boot");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(
                run.out().startsWith("router.boot:8:9: error snat-captures-tunnel-traffic: Source NAT rule 10"),
                run.out());
        assertTrue(
                run.out().contains("    packet: tcp 192.168.10.100:1024 → 10.10.10.200:22 in eth1, SA up\n"),
                run.out());
        assertTrue(run.out().contains("    fix: set nat source rule 5 exclude\n"), run.out());
        assertTrue(run.out().contains("\n1 error in 1 file (1 router)"), run.out());
    }

    @Test
    void theTraceIsShownOnlyWithVerbose() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR);

        String quiet = CliRun.in(dir, analysis, "check", "router.boot").out();
        String verbose = CliRun.in(dir, analysis, "check", "-v", "router.boot").out();

        assertFalse(quiet.contains("postrouting-snat"), quiet);
        assertTrue(
                verbose.contains("postrouting-snat          rule 10: src 192.168.10.100 → 203.0.113.134  (line 8)"),
                verbose);
        assertTrue(verbose.contains("see line 19: IPsec tunnel 1 of peer 192.0.2.150"), verbose);
    }

    @Test
    void aWarningFailsOnlyWhenFailOnIsWarningOrLower() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = TestRules.reportingNatFindingIn("router.boot", "some-warning", Level.WARNING);

        assertEquals(0, CliRun.in(dir, analysis, "check", "router.boot").exitCode());
        assertEquals(
                1,
                CliRun.in(dir, analysis, "check", "--fail-on", "warning", "router.boot")
                        .exitCode());
        assertEquals(
                1,
                CliRun.in(dir, analysis, "check", "--fail-on", "note", "router.boot")
                        .exitCode());
        assertEquals(
                0,
                CliRun.in(dir, analysis, "check", "--fail-on", "never", "router.boot")
                        .exitCode());
    }

    @Test
    void aMissingFileExitsTwoAndTheOtherFilesAreStillReported() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR);

        CliRun run = CliRun.in(dir, analysis, "check", "router.boot", "missing.boot");

        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("missing.boot:1:1: error no-input: no such file or directory"), run.out());
        assertTrue(run.out().contains("router.boot:8:9: error snat-captures-tunnel-traffic"), run.out());
    }

    @Test
    void anUnparsableFileExitsTwo() throws Exception {
        TestRules.write(dir, "broken.boot", "interfaces {\n    ethernet eth0 {\n");

        CliRun run = CliRun.in(dir, new Analysis(List.of(), TestRules::noSolver), "check", "broken.boot");

        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.out().contains("broken.boot:"), run.out());
    }

    @Test
    void aBadOptionIsAUsageErrorWithExitTwo() {
        CliRun run =
                CliRun.in(dir, new Analysis(List.of(), TestRules::noSolver), "check", "--fail-on", "sometimes", "x");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'sometimes' is not a level"), run.err());
    }

    @Test
    void aCrashingRuleExitsThreeWithOneLineAndNoStackTrace() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis crashing = new Analysis(
                List.of(TestRules.rule(TestRules.metadata("crashing", Level.ERROR, null), network -> {
                    throw new IllegalStateException("boom");
                })),
                TestRules::noSolver);

        CliRun run = CliRun.in(dir, crashing, "check", "router.boot");

        assertEquals(3, run.exitCode());
        assertTrue(
                run.err().startsWith("vpnlint: internal error: rule crashing failed (IllegalStateException)."),
                run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(CliRun.in(dir, crashing, "check", "--debug", "router.boot")
                .err()
                .contains("\tat "));
    }

    @Test
    void directoriesAreSearchedForConfigurationNamesInSortedOrder() throws Exception {
        TestRules.write(dir, "site/b.set", "set system host-name b\n");
        TestRules.write(dir, "site/a/config.boot", "system {\n    host-name a\n}\n");
        TestRules.write(dir, "site/notes.txt", "not a router\n");
        Analysis listing = new Analysis(
                List.of(TestRules.rule(TestRules.metadata("lists-files", Level.NOTE, null), network -> List.of())),
                TestRules::noSolver);

        CliRun run = CliRun.in(dir, listing, "check", "site");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("in 2 files"), run.out());
    }

    @Test
    void onGithubActionsTheDefaultFormatIsWorkflowAnnotations() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR);

        CliRun run = CliRun.in(dir, Map.of("GITHUB_ACTIONS", "true"), analysis, "check", "router.boot");

        assertTrue(
                run.out()
                        .startsWith("::error file=router.boot,line=8,col=9,endLine=13,"
                                + "title=snat-captures-tunnel-traffic::Source NAT rule 10"),
                run.out());
        assertTrue(run.out().contains("%0APacket: tcp 192.168.10.100:1024"), run.out());
    }

    @Test
    void outputGoesToTheFileGivenWithO() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR);

        CliRun run = CliRun.in(dir, analysis, "check", "-o", "report.txt", "router.boot");

        assertEquals("", run.out());
        assertTrue(Files.readString(dir.resolve("report.txt")).startsWith("router.boot:8:9: error"));
    }

    @Test
    void anOutputFileThatCannotBeWrittenExitsTwo() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);

        CliRun run = CliRun.in(
                dir, new Analysis(List.of(), TestRules::noSolver), "check", "-o", "no/such/dir/r.txt", "router.boot");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("vpnlint: cannot write no/such/dir/r.txt (NoSuchFileException)"), run.err());
    }

    @Test
    void contextFilesAreLoadedButNotReportedOn() throws Exception {
        TestRules.write(dir, "changed.boot", TestRules.ROUTER);
        TestRules.write(dir, "peer.boot", TestRules.ROUTER);
        Analysis analysis = new Analysis(
                List.of(TestRules.rule(
                        TestRules.metadata("pair-rule", Level.ERROR, null),
                        network -> List.<Finding>of(
                                TestRules.natFinding("pair-rule", Level.ERROR, "changed.boot", "on the changed router"),
                                TestRules.natFinding("pair-rule", Level.ERROR, "peer.boot", "on the peer")))),
                TestRules::noSolver);

        CliRun run = CliRun.in(dir, analysis, "check", "--context", "peer.boot", "changed.boot");

        assertTrue(run.out().contains("on the changed router"), run.out());
        assertFalse(run.out().contains("on the peer"), run.out());
    }

    /** Two ends of one tunnel whose pre-shared keys differ: paired, they give an ipsec-psk-mismatch error. */
    private static final String EAST = """
            set interfaces ethernet eth0 address '203.0.113.1/24'
            set vpn ipsec ike-group IKE key-exchange 'ikev2'
            set vpn ipsec ike-group IKE proposal 1 dh-group '14'
            set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'
            set vpn ipsec ike-group IKE proposal 1 hash 'sha256'
            set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'
            set vpn ipsec esp-group ESP proposal 1 hash 'sha256'
            set vpn ipsec site-to-site peer 198.51.100.2 authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer 198.51.100.2 authentication pre-shared-secret 's3cret-one'
            set vpn ipsec site-to-site peer 198.51.100.2 connection-type 'respond'
            set vpn ipsec site-to-site peer 198.51.100.2 default-esp-group 'ESP'
            set vpn ipsec site-to-site peer 198.51.100.2 ike-group 'IKE'
            set vpn ipsec site-to-site peer 198.51.100.2 local-address '203.0.113.1'
            set vpn ipsec site-to-site peer 198.51.100.2 tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer 198.51.100.2 tunnel 1 remote prefix '10.10.10.0/24'
            """;

    private static final String WEST = """
            set interfaces ethernet eth0 address '198.51.100.2/24'
            set vpn ipsec ike-group IKE key-exchange 'ikev2'
            set vpn ipsec ike-group IKE proposal 1 dh-group '14'
            set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'
            set vpn ipsec ike-group IKE proposal 1 hash 'sha256'
            set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'
            set vpn ipsec esp-group ESP proposal 1 hash 'sha256'
            set vpn ipsec site-to-site peer 203.0.113.1 authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer 203.0.113.1 authentication pre-shared-secret 's3cret-two'
            set vpn ipsec site-to-site peer 203.0.113.1 connection-type 'initiate'
            set vpn ipsec site-to-site peer 203.0.113.1 default-esp-group 'ESP'
            set vpn ipsec site-to-site peer 203.0.113.1 ike-group 'IKE'
            set vpn ipsec site-to-site peer 203.0.113.1 local-address '198.51.100.2'
            set vpn ipsec site-to-site peer 203.0.113.1 tunnel 1 local prefix '10.10.10.0/24'
            set vpn ipsec site-to-site peer 203.0.113.1 tunnel 1 remote prefix '192.168.10.0/24'
            """;

    private CliRun checkTunnelEndsIn(String eastFile, String westFile) throws Exception {
        TestRules.write(dir, eastFile, EAST);
        TestRules.write(dir, westFile, WEST);
        Analysis pskRule = new Analysis(List.of(new IpsecPskMismatchRule()), TestRules::noSolver);
        return CliRun.in(dir, pskRule, "check", ".");
    }

    @Test
    void withoutNetworksInTheConfigAllRoutersAreOneNetworkAndTheTunnelEndsArePaired() throws Exception {
        CliRun run = checkTunnelEndsIn("lab/east.set", "site/west.set");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("lab/east.set:8:33: error ipsec-psk-mismatch"), run.out());
    }

    @Test
    void routersInDifferentNetworksAreNotPaired() throws Exception {
        TestRules.write(dir, ".vpnlint.yaml", "networks:\n  - scenarios/*\n");

        CliRun run = checkTunnelEndsIn("scenarios/lab/east.set", "scenarios/site/west.set");

        assertEquals(0, run.exitCode(), run.out());
        assertFalse(run.out().contains("ipsec-psk-mismatch"), run.out());
    }

    @Test
    void routersInOneNetworkArePaired() throws Exception {
        TestRules.write(dir, ".vpnlint.yaml", "networks:\n  - scenarios/*\n");

        CliRun run = checkTunnelEndsIn("scenarios/tunnel/east.set", "scenarios/tunnel/west.set");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("scenarios/tunnel/east.set:8:33: error ipsec-psk-mismatch"), run.out());
    }
}
