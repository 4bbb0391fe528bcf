package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.checks.Finding;
import org.vpnlint.cli.analysis.AnalysisRequest;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.Fingerprint;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.cli.analysis.Suppression;
import org.vpnlint.cli.report.SarifReport;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.parser.ConfigNode;

class SarifReportTest {
    private static final String GOLDEN = "golden.sarif";
    private static Schema sarifSchema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTheOfficialSchemaFromTheJavaSarifJar() throws IOException {
        try (InputStream in = SarifReport.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        }
    }

    /**
     * A warning under a rule whose default is error, a suppressed finding and a parse error, built by hand so that
     * the golden file depends on the SARIF writer only.
     */
    private static AnalysisResult result() {
        Finding warning = TestRules.natFinding(
                "snat-captures-tunnel-traffic",
                Level.WARNING,
                "router.boot",
                "Source NAT rule 10 rewrites tunnel traffic. It leaves eth0 in cleartext.");
        Finding silenced = Finding.of("snat-captures-tunnel-traffic", Level.ERROR)
                .message("Lab NAT rule.")
                .at(SourceLocation.at("lab.boot", 9, 9))
                .subject("nat source rule 10")
                .build();
        Suppression labOnly = new Suppression(
                List.of("snat-captures-tunnel-traffic"),
                "lab only",
                null,
                new ConfigNode("10", SourceLocation.at("lab.boot", 9, 14)));
        Diagnostic parseError = new Diagnostic(
                SourceLocation.at("broken.boot", 2, 1),
                Level.ERROR,
                "parse-error",
                "expected '}' to close 'interfaces' opened at 1:1 (the file ends here)");
        return new AnalysisResult(
                List.of(new ReportedFinding(warning, Fingerprint.of(warning), null)),
                List.of(new ReportedFinding(silenced, Fingerprint.of(silenced), labOnly)),
                0,
                List.of(parseError),
                List.of("broken.boot", "lab.boot", "router.boot"),
                2,
                List.of(
                        TestRules.metadata("behind-nat-default-id", Level.WARNING, null),
                        TestRules.metadata("snat-captures-tunnel-traffic", Level.ERROR, "8.0")),
                List.of());
    }

    private static String sarif(AnalysisResult result) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReport("1.2.3-test", URI.create("file:///work/repository/"), false).write(result, out);
        return out.toString();
    }

    private static String sarif() throws IOException {
        return sarif(result());
    }

    @Test
    void theReportIsValidAgainstTheOfficialSchema() throws IOException {
        List<Error> errors = sarifSchema.validate(sarif(), InputFormat.JSON);

        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    }

    @Test
    void aWholeRunOverRealFilesIsValidToo() throws IOException {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        TestRules.write(dir, "broken.boot", "interfaces {\n");
        AnalysisResult result = TestRules.reportingNatFindingIn(
                        "router.boot", "snat-captures-tunnel-traffic", Level.ERROR)
                .run(AnalysisRequest.of(dir, List.of(dir)));

        assertEquals(
                List.of(),
                sarifSchema.validate(sarif(result), InputFormat.JSON).stream()
                        .map(Error::toString)
                        .toList());
    }

    @Test
    void theSchemaCheckCatchesAnInvalidLevel() throws IOException {
        String broken = sarif().replaceFirst("\"level\" : \"warning\"", "\"level\" : \"critical\"");

        assertFalse(sarifSchema.validate(broken, InputFormat.JSON).isEmpty());
    }

    @Test
    void theReportMatchesTheGoldenFileByteForByte() throws IOException {
        String first = sarif();
        String second = sarif();

        assertEquals(first, second, "two runs must give identical bytes");
        if (Boolean.getBoolean("vpnlint.updateGolden")) {
            // mvn -pl cli test -Dtest=SarifReportTest -Dvpnlint.updateGolden=true rewrites the golden file.
            Files.writeString(
                    RepositoryRoot.path().resolve(Path.of("cli/src/test/resources/org/vpnlint/cli", GOLDEN)),
                    first,
                    StandardCharsets.UTF_8);
        }
        String golden = Files.readString(
                RepositoryRoot.path().resolve(Path.of("cli/src/test/resources/org/vpnlint/cli", GOLDEN)),
                StandardCharsets.UTF_8);
        assertEquals(
                golden,
                first,
                "SARIF output changed; if on purpose, regenerate the golden file with"
                        + " mvn -pl cli test -Dtest=SarifReportTest -Dvpnlint.updateGolden=true and review the diff");
    }

    @Test
    void defaultsTheLibraryWouldDropAreWritten() throws IOException {
        String sarif = sarif();

        assertTrue(sarif.contains("\"$schema\" : \"https://json.schemastore.org/sarif-2.1.0.json\""), sarif);
        assertTrue(sarif.contains("\"version\" : \"2.1.0\""), sarif);
        assertTrue(sarif.contains("\"ruleIndex\" : 1"), sarif);
        assertTrue(sarif.contains("\"level\" : \"warning\""), "a warning under an error rule keeps its level");
        assertTrue(sarif.contains("\"defaultConfiguration\" : {\n                \"level\" : \"warning\""), sarif);
    }

    @Test
    void relatedLocationsAreLinkedFromTheMessageAndTheTraceIsOneThreadFlow() throws IOException {
        String sarif = sarif();

        assertTrue(sarif.contains("See [IPsec tunnel 1 of peer 192.0.2.150](1)."), sarif);
        assertTrue(sarif.contains("\"uriBaseId\" : \"%SRCROOT%\""), sarif);
        assertTrue(
                sarif.contains("postrouting-snat: rule 10: src 192.168.10.100 → 203.0.113.134"
                        + " (packet now 203.0.113.134:1024 → 10.10.10.200:22)"),
                sarif);
        assertTrue(sarif.contains("\"primaryLocationLineHash\""), sarif);
        assertTrue(sarif.contains("\"security-severity\" : \"8.0\""), sarif);
    }
}
