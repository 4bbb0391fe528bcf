package org.vpnlint.cli;

import java.nio.file.Path;

/** The checkout the tests run in (set by the cli pom for surefire). */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path path() {
        String root = System.getProperty("vpnlint.repositoryRoot");
        if (root == null)
            throw new IllegalStateException("run the tests through Maven: vpnlint.repositoryRoot is not set");
        return Path.of(root).toAbsolutePath().normalize();
    }
}
