package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private static Console console(boolean terminal, Map<String, String> environment) {
        return new Console(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                environment,
                terminal,
                Path.of("."));
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(console(true, Map.of()).colour());
        assertFalse(console(false, Map.of()).colour());
        assertFalse(console(true, Map.of("NO_COLOR", "1")).colour());
    }

    @Test
    void githubActionsIsRecognisedFromTheEnvironment() {
        assertTrue(console(false, Map.of("GITHUB_ACTIONS", "true")).onGithubActions());
        assertFalse(console(false, Map.of()).onGithubActions());
    }
}
