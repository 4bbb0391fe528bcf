package org.vpnlint.model;

/** Severity of a finding or a diagnostic, ordered from least to most severe. */
public enum Level {
    NOTE,
    WARNING,
    ERROR;

    /** The lower-case name used in JSON, SARIF and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
