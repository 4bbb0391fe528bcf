package org.vpnlint.parser.dialect;

/** A configuration value that does not parse; the message says why, without repeating the value. */
final class InvalidValue extends Exception {

    InvalidValue(String reason) {
        super(reason, null, false, false);
    }
}
