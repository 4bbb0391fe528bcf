package org.vpnlint.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a checkout for the places that cite docs/semantics and reports every citation that leads nowhere: a page
 * or anchor that does not exist, a link between the pages that is broken, an oracle test named in a page that is
 * not a test method in oracle/src/test/java, or a citation of the project's former reference notes, which are not
 * part of the repository.
 */
final class SemanticsCitations {

    static final String PAGES = "docs/semantics";

    /** The reference notes the code used to cite; the names are assembled so this file does not cite them itself. */
    private static final List<String> FORMER_NOTES =
            List.of("linux-datapath", "vyos", "batfish", "ecosystem", "real-world");

    private static final Pattern FORMER_NOTE = Pattern.compile("(?<![A-Za-z0-9_-])(?:"
            + String.join("|", FORMER_NOTES.stream().map(Pattern::quote).toList())
            + ")\\.md\\b|shared/" + "reference");
    private static final Pattern CITATION = Pattern.compile(PAGES + "/([A-Za-z0-9_.-]+\\.md)(?:#([A-Za-z0-9_-]+))?");
    /** A markdown link inside a page: {@code (other.md#anchor)}, {@code (other.md)} or {@code (#anchor)}. */
    private static final Pattern PAGE_LINK = Pattern.compile("\\]\\(([A-Za-z0-9_.-]+\\.md)?(?:#([A-Za-z0-9_-]+))?\\)");

    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");
    private static final Pattern ORACLE_TEST =
            Pattern.compile("(org\\.vpnlint\\.oracle(?:\\.[a-z][a-z0-9]*)*)\\.([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)");

    private static final Set<String> SKIPPED_DIRECTORIES =
            Set.of("target", ".git", ".cache", "node_modules", "configs");

    private final Path root;

    SemanticsCitations(Path root) {
        this.root = root;
    }

    /** Where one citation or link leads nowhere, as {@code file:line: what}. */
    record Problem(String file, int line, String what) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + what;
        }
    }

    /** The counts of what was checked, so that a scan that finds nothing cannot pass unnoticed. */
    record Scan(List<Problem> problems, int citations, int oracleTests, int pages) {}

    Scan scan() {
        List<Problem> problems = new ArrayList<>();
        int citations = 0;
        for (Path file : sourcesAndDocs()) {
            String text = read(file);
            String name = root.relativize(file).toString().replace('\\', '/');
            Matcher former = FORMER_NOTE.matcher(text);
            while (former.find()) {
                problems.add(new Problem(
                        name,
                        lineOf(text, former.start()),
                        "cites " + former.group() + ", which is not in this repository; cite " + PAGES + " instead"));
            }
            Matcher citation = CITATION.matcher(text);
            while (citation.find()) {
                citations++;
                String problem = missing(root.resolve(PAGES), citation.group(1), citation.group(2));
                if (problem != null) problems.add(new Problem(name, lineOf(text, citation.start()), problem));
            }
        }
        int oracleTests = 0;
        List<Path> pages = pages();
        for (Path page : pages) {
            String text = read(page);
            String name = PAGES + "/" + page.getFileName();
            Matcher link = PAGE_LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1) != null
                        ? link.group(1)
                        : page.getFileName().toString();
                if (link.group(1) == null && link.group(2) == null) continue;
                String problem = missing(page.getParent(), target, link.group(2));
                if (problem != null) problems.add(new Problem(name, lineOf(text, link.start()), problem));
            }
            Matcher test = ORACLE_TEST.matcher(text);
            while (test.find()) {
                oracleTests++;
                String problem = missingOracleTest(test.group(1), test.group(2), test.group(3));
                if (problem != null) problems.add(new Problem(name, lineOf(text, test.start()), problem));
            }
        }
        return new Scan(problems, citations, oracleTests, pages.size());
    }

    /** Null when {@code page} exists in {@code directory} and has {@code anchor} (if any), else what is wrong. */
    private static String missing(Path directory, String page, String anchor) {
        Path file = directory.resolve(page);
        if (!Files.isRegularFile(file)) return "no page " + page + " in " + PAGES;
        if (anchor == null || anchors(read(file)).contains(anchor)) return null;
        return "no anchor #" + anchor + " in " + PAGES + "/" + page;
    }

    /** Explicit {@code <a id>} anchors and the anchors GitHub derives from headings. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher explicit = EXPLICIT_ANCHOR.matcher(markdown);
        while (explicit.find()) anchors.add(explicit.group(1));
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) anchors.add(slug(heading.group(1)));
        return anchors;
    }

    /** GitHub's heading anchor: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private String missingOracleTest(String packageName, String className, String method) {
        Path source = root.resolve("oracle/src/test/java/" + packageName.replace('.', '/') + "/" + className + ".java");
        if (!Files.isRegularFile(source)) return "no oracle test class " + packageName + "." + className;
        Pattern testMethod = Pattern.compile("@(?:Test|ParameterizedTest)(?:\\([^)]*\\))?(?:\\s+@\\w+(?:\\([^)]*\\))?)*"
                + "\\s+(?:public\\s+)?void\\s+" + Pattern.quote(method) + "\\s*\\(");
        if (testMethod.matcher(read(source)).find()) return null;
        return "no test method " + method + " in " + packageName + "." + className;
    }

    /** Every Java source (main and test, every module) and every markdown file, outside build output. */
    private List<Path> sourcesAndDocs() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(this::outsideSkippedDirectories)
                    .filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".java") || name.endsWith(".md");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean outsideSkippedDirectories(Path file) {
        for (Path part : root.relativize(file)) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) return false;
        }
        return true;
    }

    private List<Path> pages() {
        Path directory = root.resolve(PAGES);
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
