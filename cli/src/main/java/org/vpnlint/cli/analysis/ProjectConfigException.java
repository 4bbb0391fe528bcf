package org.vpnlint.cli.analysis;

/** A {@code .vpnlint.yaml} that cannot be used; the message starts with {@code file:line:}. */
public final class ProjectConfigException extends Exception {

    public ProjectConfigException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
