package org.vpnlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code corpus/EXPECTED.tsv}: every error and warning vpnlint reports on the corpus, one per line, with the
 * verdict of the person who triaged it. Columns: file (below {@code corpus/configs/}), line, rule, level,
 * verdict ({@code true}, {@code false}, {@code unsure} or {@code unreviewed}), cause (for false findings), why.
 */
final class CorpusExpectations {
    static final String HEADER = "file\tline\trule\tlevel\tverdict\tcause\twhy";

    /** Where a finding is reported, the identity the test compares by. */
    record Key(String file, int line, String ruleId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byFile = file.compareTo(other.file);
            if (byFile != 0) return byFile;
            return line != other.line ? Integer.compare(line, other.line) : ruleId.compareTo(other.ruleId);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + ruleId;
        }
    }

    /** One listed finding and its triage. */
    record Entry(Key key, String level, String verdict, String cause, String why) {
        String row() {
            return String.join(
                    "\t", key.file(), Integer.toString(key.line()), key.ruleId(), level, verdict, cause, why);
        }
    }

    private CorpusExpectations() {}

    static Map<Key, Entry> read(Path file) throws IOException {
        Map<Key, Entry> entries = new TreeMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) continue;
            String[] columns = line.split("\t", -1);
            if (columns.length != 7) {
                throw new IllegalStateException(
                        file + ":" + (i + 1) + ": expected 7 tab-separated columns, found " + columns.length);
            }
            Key key = new Key(columns[0], Integer.parseInt(columns[1]), columns[2]);
            if (entries.put(key, new Entry(key, columns[3], columns[4], columns[5], columns[6])) != null) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": " + key + " is listed twice");
            }
        }
        return entries;
    }

    /** Writes the entries sorted, under the comment lines that the existing file starts with. */
    static void write(Path file, List<String> leadingComments, Collection<Entry> entries) throws IOException {
        List<String> lines = new ArrayList<>(leadingComments);
        lines.add(HEADER);
        entries.stream().sorted((a, b) -> a.key().compareTo(b.key())).forEach(entry -> lines.add(entry.row()));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static List<String> leadingComments(Path file) throws IOException {
        List<String> comments = new ArrayList<>();
        if (!Files.exists(file)) return comments;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) break;
            comments.add(line);
        }
        return comments;
    }
}
