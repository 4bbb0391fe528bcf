package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;

/** {@code check --format html}: the page goes to -o with the usual exit code, and its links are relative to it. */
class HtmlFormatTest {
    @TempDir
    Path dir;

    @Test
    void writesTheAuditPageWithTheUsualExitCode() throws Exception {
        TestRules.write(dir, "routers/router.boot", TestRules.ROUTER);
        Files.createDirectories(dir.resolve("out"));
        Analysis analysis =
                TestRules.reportingNatFindingIn("routers/router.boot", "snat-captures-tunnel-traffic", Level.ERROR);
        CliRun run = CliRun.in(dir, analysis, "check", "--format", "html", "-o", "out/audit.html", "routers");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        Document page = Jsoup.parse(Files.readString(dir.resolve("out/audit.html")));
        assertEquals(1, page.select("article.finding").size());
        assertTrue(
                page.select("article.finding a").stream()
                        .anyMatch(a -> a.attr("href").startsWith("../routers/router.boot#L")),
                page.select("article.finding").outerHtml());
        assertEquals(1, page.select("svg .box.router").size(), "the router is drawn");
        assertTrue(page.select("table.inventory").isEmpty(), "the peer has no tunnel, so there is no row");
    }

    @Test
    void toStandardOutputWithoutAFile() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR);
        CliRun run = CliRun.in(dir, analysis, "check", "--format", "html", "router.boot");
        assertTrue(run.out().startsWith("<!DOCTYPE html>"), run.out());
    }
}
