package org.vpnlint.parser.dialect;

/** The diagnostic codes the dialect mappers emit (the reader's own are parse-error, parse-warning, parse-note). */
public final class DiagnosticCodes {
    /** NOTE: a node of an analysed family that vpnlint does not model; the analysis goes on without it. */
    public static final String UNSUPPORTED_SYNTAX = "unsupported-syntax";
    /** WARNING: a value that does not parse (an address, a port, a rule number, a reference to nothing). */
    public static final String INVALID_VALUE = "invalid-value";
    /** NOTE: a whole family vpnlint deliberately leaves alone (system, protocols bgp, ...), once per family. */
    public static final String NOT_ANALYSED = "not-analysed";
    /** WARNING: syntax of another version than the one the file is read as. */
    public static final String WRONG_VERSION_SYNTAX = "wrong-version-syntax";
    /** NOTE: which dialect the file was read as, and why. */
    public static final String DIALECT = "dialect";
    /** ERROR: a bug in vpnlint lost one family of the file; the other families were still analysed. */
    public static final String INTERNAL_ERROR = "internal-error";

    private DiagnosticCodes() {}
}
