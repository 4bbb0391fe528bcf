package org.vpnlint.oracle.differential;

/**
 * A router or packet the kernel replay cannot represent (a third network interface, decrypted input, a dummy
 * interface with a subnet, ...). The generator never builds one; for a hand-written case it is a test error.
 */
final class UnsupportedCase extends RuntimeException {

    UnsupportedCase(String what) {
        super("not replayable against the kernel: " + what);
    }
}
