package org.vpnlint.checks.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One file of the repository's {@code samples/} folder, as the checks jar carries it: the rules' documented
 * examples are these files, so the example a reader sees is the one the samples test runs.
 *
 * @param path the file's path below {@code samples/}, e.g. {@code rules/nat-t-missing/bad-….set}
 * @param text the file's whole text, markers and header comment included
 */
public record SampleFile(String path, String text) {

    /** Where the checks pom copies {@code samples/rules} and {@code samples/pairs} into the jar. */
    static final String RESOURCE_ROOT = "/org/vpnlint/checks/samples/";

    /** Reads the sample from the jar; a missing one is a build mistake, so it fails at once. */
    public static SampleFile load(String path) {
        try (InputStream in = SampleFile.class.getResourceAsStream(RESOURCE_ROOT + path)) {
            if (in == null) throw new IllegalArgumentException("no sample " + path + " in the checks jar");
            return new SampleFile(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + path, e);
        }
    }

    /** The text preceded by a comment naming the file, in the file's own comment syntax. */
    public String namedText() {
        String name = path.endsWith(".boot") ? "/* samples/" + path + " */" : "# samples/" + path;
        return name + "\n" + text.strip() + "\n";
    }
}
