package org.vpnlint.cli.analysis;

/** The exit codes of every vpnlint command (DESIGN.md, "Contracts other tools rely on"). */
public final class ExitCodes {
    /** Nothing at or above {@code --fail-on}. */
    public static final int CLEAN = 0;
    /** Findings at or above {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** Usage, configuration or input that could not be parsed (the other files were still analysed). */
    public static final int BAD_INPUT = 2;
    /** A bug in vpnlint. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {}
}
