package org.vpnlint.model;

/**
 * Where a node of a configuration file starts (and, when known, ends). Lines and columns are 1-based;
 * {@code endLine}/{@code endColumn} are 0 when unknown.
 */
public record SourceLocation(String file, int line, int column, int endLine, int endColumn)
        implements Comparable<SourceLocation> {

    public static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(file, line, column, 0, 0);
    }

    public SourceLocation withEnd(int endLine, int endColumn) {
        return new SourceLocation(file, line, column, endLine, endColumn);
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) return byFile;
        if (line != other.line) return Integer.compare(line, other.line);
        return Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
