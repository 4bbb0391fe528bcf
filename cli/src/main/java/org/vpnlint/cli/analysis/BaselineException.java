package org.vpnlint.cli.analysis;

/** A baseline file that cannot be read or written. */
public final class BaselineException extends Exception {

    public BaselineException(String message) {
        super(message);
    }
}
