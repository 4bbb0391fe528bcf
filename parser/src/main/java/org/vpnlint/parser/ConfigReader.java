package org.vpnlint.parser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.vpnlint.parser.ConfigTree.SourceFormat;

/**
 * Reads a VyOS/EdgeOS configuration in either format into a {@link ConfigTree}, detecting the format.
 *
 * <p>It never throws for bad input: every problem is a diagnostic with file, line and column, and the
 * tree holds what could be read. Limits keep a hostile or broken file from exhausting the machine:
 * files over {@link #MAX_FILE_BYTES} are refused unread, and nesting deeper than {@link #MAX_DEPTH} words
 * is skipped with one error. Diagnostic messages never contain the value of a secret.
 */
public final class ConfigReader {
    /** 16 MiB: the largest real configurations are a few MiB (large firewall groups). */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Deepest path of words kept in the tree; real configurations stay below 20. */
    public static final int MAX_DEPTH = 256;

    private ConfigReader() {}

    /** Reads the file at {@code path}; its name in locations is {@code path.toString()}. */
    public static ConfigTree read(Path path) {
        String file = path.toString();
        ReadProblems problems = new ReadProblems(file);
        byte[] content;
        try {
            if (Files.isDirectory(path)) {
                problems.error(problems.at(1, 1), "this is a directory, not a configuration file");
                return emptyTree(problems);
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) return tooLarge(problems, size);
            try (InputStream in = Files.newInputStream(path)) {
                content = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            problems.error(problems.at(1, 1), "file not found");
            return emptyTree(problems);
        } catch (AccessDeniedException e) {
            problems.error(problems.at(1, 1), "permission denied: the file cannot be read");
            return emptyTree(problems);
        } catch (IOException e) {
            problems.error(
                    problems.at(1, 1),
                    "the file cannot be read (" + e.getClass().getSimpleName() + ")");
            return emptyTree(problems);
        }
        if (content.length > MAX_FILE_BYTES) return tooLarge(problems, content.length);
        return read(file, content);
    }

    /** Reads a configuration given as bytes (UTF-8 expected); {@code fileName} is used in locations. */
    public static ConfigTree read(String fileName, byte[] content) {
        ReadProblems problems = new ReadProblems(fileName);
        if (content.length > MAX_FILE_BYTES) return tooLarge(problems, content.length);
        String text = ConfigFileText.decode(content, problems);
        return text == null ? emptyTree(problems) : parse(text, problems);
    }

    /** Reads a configuration given as text; {@code fileName} is used in locations. */
    public static ConfigTree read(String fileName, String text) {
        ReadProblems problems = new ReadProblems(fileName);
        if (text.length() > MAX_FILE_BYTES) return tooLarge(problems, text.length());
        String checked = ConfigFileText.check(text, problems);
        return checked == null ? emptyTree(problems) : parse(checked, problems);
    }

    private static ConfigTree parse(String text, ReadProblems problems) {
        if (text.isBlank()) {
            problems.note(problems.at(1, 1), "the file is empty");
            return emptyTree(problems);
        }
        return FormatDetector.detect(text) == SourceFormat.COMMANDS
                ? new CommandScriptReader(problems).read(text)
                : new CurlyConfigReader(problems).read(text);
    }

    private static ConfigTree tooLarge(ReadProblems problems, long size) {
        problems.error(
                problems.at(1, 1),
                String.format(
                        Locale.ROOT,
                        "file is %.1f MiB; vpnlint reads configurations up to %d MiB",
                        size / 1048576.0,
                        MAX_FILE_BYTES >> 20));
        return emptyTree(problems);
    }

    private static ConfigTree emptyTree(ReadProblems problems) {
        return new ConfigTree(
                problems.file(),
                new ConfigNode("", problems.at(1, 1)),
                null,
                null,
                SourceFormat.CURLY,
                problems.toList());
    }
}
