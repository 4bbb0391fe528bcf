package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;

class JsonReportTest {
    @TempDir
    Path dir;

    private CliRun json() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        TestRules.write(dir, "broken.boot", "interfaces {\n");
        Analysis analysis = TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR);
        return CliRun.in(dir, analysis, "check", "--format", "json", ".");
    }

    @Test
    void findingsHaveTheFieldsDesignMdPromises() throws Exception {
        JsonNode report = new ObjectMapper().readTree(json().out());
        JsonNode finding = report.path("findings").get(0);

        assertEquals("vpnlint", report.path("tool").path("name").asText());
        assertEquals(
                List.of("ruleId", "level", "message", "location", "related", "witness", "trace", "fix", "fingerprint"),
                fieldNames(finding));
        assertEquals("error", finding.path("level").asText());
        assertEquals(List.of("file", "line", "column", "endLine"), fieldNames(finding.path("location")));
        assertEquals(8, finding.path("location").path("line").asInt());
        assertEquals(
                List.of("file", "line", "message"),
                fieldNames(finding.path("related").get(0)));
        assertEquals(
                List.of("src", "dst", "protocol", "srcPort", "dstPort", "inInterface", "saState"),
                fieldNames(finding.path("witness")));
        assertEquals(
                "postrouting-snat", finding.path("trace").get(1).path("stage").asText());
    }

    @Test
    void aWitnessBalancedByALoadBalancerNamesItsWan() throws Exception {
        Path sample = RepositoryRoot.path()
                .resolve("samples/rules/tunnel-traffic-leaks-when-sa-down/bad-edgeos-load-balance-to-second-wan.boot");
        JsonNode report = new ObjectMapper()
                .readTree(CliRun.in(dir, Analysis.withAllRules(), "check", "--format", "json", sample.toString())
                        .out());
        JsonNode witness = report.path("findings").get(0).path("witness");

        assertEquals(
                List.of("src", "dst", "protocol", "srcPort", "dstPort", "inInterface", "balancedTo", "saState"),
                fieldNames(witness));
        // while the SA is down either WAN's table carries the connection past main's blackhole; the witness names eth0
        assertEquals("eth0", witness.path("balancedTo").asText());
    }

    @Test
    void diagnosticsHaveFileLineColumnLevelCodeAndMessage() throws Exception {
        JsonNode diagnostic = null;
        for (JsonNode each : new ObjectMapper().readTree(json().out()).path("diagnostics")) {
            if (each.path("code").asText().equals("parse-error")) diagnostic = each;
        }

        assertEquals(List.of("file", "line", "column", "level", "code", "message"), fieldNames(diagnostic));
        assertEquals("broken.boot", diagnostic.path("file").asText());
    }

    @Test
    void twoRunsGiveIdenticalBytes() throws Exception {
        String first = json().out();

        assertEquals(first, json().out());
        assertTrue(first.endsWith("}\n"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
