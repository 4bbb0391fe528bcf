package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    @Test
    void capturesOutputErrorAndExitCode() {
        CommandResult result = new CommandRunner().run("sh", "-c", "echo out; echo err >&2; exit 3");

        assertEquals(
                new CommandResult(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), 3, "out\n", "err\n", false),
                result);
        assertFalse(result.succeeded());
    }

    @Test
    void feedsStandardInput() {
        CommandResult result = new CommandRunner().run(List.of("cat"), "flush ruleset\n");

        assertEquals("flush ruleset\n", result.stdout());
    }

    @Test
    void killsACommandAndItsChildrenWhenTheTimeoutPasses() throws Exception {
        long start = System.nanoTime();
        // The shell prints its background child's pid first, so we can check that the child died too.
        CommandResult result = new CommandRunner(Duration.ofMillis(300)).run("sh", "-c", "sleep 30 & echo $!; wait");

        assertTrue(result.timedOut());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        long child = Long.parseLong(result.stdout().strip());
        assertTrue(isDead(child), "child " + child + " survived");
    }

    /** Gone, or a zombie: killed and waiting to be reaped by init, which may take a while in a container. */
    private static boolean isDead(long pid) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            String text;
            try {
                text = Files.readString(Path.of("/proc/" + pid + "/stat"));
            } catch (NoSuchFileException reaped) {
                return true;
            }
            // Format: "pid (comm) state ..."; comm may contain spaces, so read the state after the last ')'.
            if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
