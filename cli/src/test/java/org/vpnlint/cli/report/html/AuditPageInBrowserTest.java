package org.vpnlint.cli.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpnlint.cli.Version;
import org.vpnlint.cli.analysis.AnalysisResult;

/**
 * The audit page of the samples in a real browser: it renders without a console message, the rendered document
 * still lists and draws every tunnel, and a screenshot and a PDF print are kept under
 * {@code cli/target/audit-report/} as build artefacts.
 */
class AuditPageInBrowserTest {
    private static Path out;
    private static HeadlessChromium chromium;
    private static Path page;
    private static int rows;

    @BeforeAll
    static void writePage() throws Exception {
        out = Files.createDirectories(AuditSamples.root().resolve("cli/target/audit-report"));
        chromium = HeadlessChromium.require(out);
        AnalysisResult result = AuditSamples.analyse();
        StringWriter html = new StringWriter();
        new HtmlReport(Version.current(), AuditSamples.root(), out).write(result, html);
        page = out.resolve("audit.html");
        Files.writeString(page, html.toString(), StandardCharsets.UTF_8);
        rows = Jsoup.parse(html.toString()).select("table.inventory tbody tr").size();
    }

    @Test
    void theConsoleCheckSeesAnError() throws Exception {
        Path control = out.resolve("console-control.html");
        Files.writeString(control, "<!DOCTYPE html><title>control</title><script>console.error('control')</script>");
        assertEquals(1, chromium.dumpDom(control).console().size(), "the console check would miss errors");
    }

    @Test
    void rendersWithoutConsoleMessagesAndShowsEveryTunnel() throws Exception {
        HeadlessChromium.Run run = chromium.dumpDom(page);
        assertEquals(java.util.List.of(), run.console());
        Document rendered = Jsoup.parse(run.out());
        Set<String> rowIds = rendered.select("table.inventory tbody tr").stream()
                .map(r -> r.id())
                .collect(Collectors.toSet());
        Set<String> drawn = rendered.select("svg path.tunnel").stream()
                .map(p -> p.attr("data-tunnel"))
                .collect(Collectors.toSet());
        assertEquals(rows, rowIds.size());
        assertEquals(rowIds, drawn);
    }

    @Test
    void screenshotAndPrint() throws Exception {
        Path png = out.resolve("audit-report.png");
        Path pdf = out.resolve("audit-report.pdf");
        Files.deleteIfExists(png);
        Files.deleteIfExists(pdf);
        assertEquals(java.util.List.of(), chromium.screenshot(page, png).console());
        assertEquals(java.util.List.of(), chromium.printToPdf(page, pdf).console());
        byte[] image = Files.readAllBytes(png);
        assertTrue(image.length > 20_000 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G', "no screenshot");
        byte[] print = Files.readAllBytes(pdf);
        assertTrue(
                print.length > 20_000 && new String(print, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "no PDF");
    }
}
