package org.vpnlint.model;

/** A message about the input itself (parse errors, unsupported syntax), as opposed to a rule's finding. */
public record Diagnostic(SourceLocation location, Level level, String code, String message)
        implements Comparable<Diagnostic> {

    @Override
    public int compareTo(Diagnostic other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : message.compareTo(other.message);
    }
}
