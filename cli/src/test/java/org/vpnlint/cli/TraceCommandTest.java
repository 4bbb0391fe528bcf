package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.cli.analysis.Analysis;

/** {@code vpnlint trace} on the seed router whose source NAT rule captures the tunnel's traffic. */
class TraceCommandTest {
    private static final String SAMPLE = "samples/seed/snat-without-exclude.boot";
    private static final String PSK_OF_THE_SAMPLE = "s3cret-one";

    private static CliRun trace(String... options) {
        List<String> args = new java.util.ArrayList<>(
                List.of("trace", SAMPLE, "--src", "192.168.10.100", "--dst", "10.10.10.200", "--dport", "22"));
        args.addAll(List.of(options));
        Path root = RepositoryRoot.path();
        return CliRun.in(root, new Analysis(List.of(), TestRules::noSolver), args.toArray(String[]::new));
    }

    @Test
    void theTunnelsPacketIsSourceNatedAndLeavesInCleartext() {
        CliRun run = trace();

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("postrouting-snat"), run.out());
        assertTrue(
                run.out().contains("verdict: CLEARTEXT out of eth0 as tcp 203.0.113.134:1024 → 10.10.10.200:22"),
                run.out());
    }

    @Test
    void theIngressIsTheInterfaceOnTheSourcesSubnetUnlessGiven() {
        assertTrue(trace().out().contains("arriving on eth1"), trace().out());
        assertTrue(trace("--in", "eth0").out().contains("arriving on eth0"));
    }

    @Test
    void jsonHasTheVerdictEgressHeaderAndSteps() throws Exception {
        JsonNode report = new ObjectMapper().readTree(trace("--format", "json").out());

        assertEquals("cleartext", report.path("verdict").asText());
        assertEquals("eth0", report.path("egress").asText());
        assertEquals("203.0.113.134", report.path("header").path("src").asText());
        assertTrue(report.path("steps").size() > 3);
    }

    @Test
    void aBadAddressIsAUsageError() {
        CliRun run = CliRun.in(
                RepositoryRoot.path(),
                new Analysis(List.of(), TestRules::noSolver),
                "trace",
                SAMPLE,
                "--src",
                "192.168.10.300",
                "--dst",
                "10.10.10.200");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("not an IP address: 192.168.10.300"), run.err());
    }

    @Test
    void theKeyInTheConfigurationNeverAppears() {
        for (String format : List.of("text", "json")) {
            CliRun run = trace("--format", format);
            assertFalse((run.out() + run.err()).contains(PSK_OF_THE_SAMPLE), format);
        }
    }
}
