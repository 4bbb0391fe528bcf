package org.vpnlint.solver;

/**
 * Z3 could not be started: its native library could not be unpacked or loaded (unsupported platform, a jar that
 * is not the pinned build, no writable cache directory). An environment problem, reported as an internal error.
 */
public final class SolverUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SolverUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
