package org.vpnlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.vpnlint.solver.SolverUnavailableException;
import org.vpnlint.solver.Z3Solver;
import picocli.CommandLine.IVersionProvider;

/**
 * vpnlint's version, written into {@code version.properties} by the build. {@code --version} also names the Z3 it
 * loads and the Java it runs on: those two decide what a bug report can be reproduced with.
 */
public final class Version implements IVersionProvider {

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "vpnlint " + current(),
            "Z3 " + z3(),
            "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor") + ", "
                    + System.getProperty("java.home") + ")"
        };
    }

    private static String z3() {
        try {
            return Z3Solver.z3Version();
        } catch (SolverUnavailableException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
