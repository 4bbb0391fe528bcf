package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code cites the kernel, strongSwan and VyOS facts it relies on as {@code docs/semantics/<page>.md#<anchor>};
 * every such citation must lead to an existing page and anchor, and every oracle test a page names must exist.
 */
class SemanticsCitationsTest {

    /** Built, not written out, so that the repository scan does not find these examples in this file. */
    private static final String NOTE = "linux-datapath" + ".md";

    private static final String PAGES = SemanticsCitations.PAGES;

    @Test
    void everyCitationInTheRepositoryLeadsToAnExistingPageAndAnchor() {
        SemanticsCitations.Scan scan = new SemanticsCitations(RepositoryRoot.path()).scan();

        assertEquals(List.of(), scan.problems());
        assertTrue(
                scan.citations() >= 30, "expected the code's citations of docs/semantics, found " + scan.citations());
        assertTrue(scan.oracleTests() >= 40, "expected the pages to name oracle tests, found " + scan.oracleTests());
    }

    @Test
    void everyPageIsListedInTheIndex() throws IOException {
        Path pages = RepositoryRoot.path().resolve(SemanticsCitations.PAGES);
        String index = Files.readString(pages.resolve("README.md"));
        try (var files = Files.list(pages)) {
            List<String> unlisted = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !name.equals("README.md"))
                    .filter(name -> !index.contains("](" + name + ")"))
                    .toList();
            assertEquals(List.of(), unlisted, "pages missing from docs/semantics/README.md");
        }
    }

    @Test
    void aMissingAnchorAMissingPageAndAFormerNoteAreReported(@TempDir Path root) throws IOException {
        write(root, PAGES + "/order.md", "# Order\n\n<a id=\"two-lookups\"></a>\n## The two lookups\n");
        write(root, "model/src/main/java/A.java", """
                /** See $PAGES/order.md#two-lookups and $PAGES/order.md#the-two-lookups. */
                /** See $PAGES/order.md#three-lookups, $PAGES/gone.md and $NOTE A1. */
                class A {}
                """.replace("$PAGES", PAGES).replace("$NOTE", NOTE));

        List<String> problems = new SemanticsCitations(root)
                .scan().problems().stream().map(Object::toString).toList();

        assertEquals(
                List.of(
                        "model/src/main/java/A.java:2: cites " + NOTE
                                + ", which is not in this repository; cite docs/semantics instead",
                        "model/src/main/java/A.java:2: no anchor #three-lookups in " + PAGES + "/order.md",
                        "model/src/main/java/A.java:2: no page gone.md in docs/semantics"),
                problems);
    }

    @Test
    void anOracleTestNamedByAPageMustBeATestMethod(@TempDir Path root) throws IOException {
        write(root, PAGES + "/order.md", """
                - Oracle: `org.vpnlint.oracle.LookupTest#lookedUpTwice`, `org.vpnlint.oracle.LookupTest#helper`,
                  `org.vpnlint.oracle.GoneTest#anything`, [a link](#nowhere).
                """);
        write(root, "oracle/src/test/java/org/vpnlint/oracle/LookupTest.java", """
                class LookupTest {
                    @Test
                    void lookedUpTwice() {}

                    void helper() {}
                }
                """);

        List<String> problems = new SemanticsCitations(root)
                .scan().problems().stream().map(Object::toString).toList();

        assertEquals(
                List.of(
                        PAGES + "/order.md:2: no anchor #nowhere in " + PAGES + "/order.md",
                        PAGES + "/order.md:1: no test method helper in org.vpnlint.oracle.LookupTest",
                        PAGES + "/order.md:2: no oracle test class org.vpnlint.oracle.GoneTest"),
                problems);
    }

    @Test
    void headingAnchorsFollowGithub() {
        assertEquals(
                Set.of("an-outbound-policy-whose-sa-is-missing-what-the-sender-sees", "x"),
                SemanticsCitations.anchors(
                        "## An outbound policy whose SA is missing: what the sender sees\n<a id=\"x\"></a>\n"));
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
