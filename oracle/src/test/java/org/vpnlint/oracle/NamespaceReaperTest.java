package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class NamespaceReaperTest {

    @Test
    void namesOfOtherToolsAreNeverStale() {
        assertFalse(NamespaceReaper.isStale("lan"));
        assertFalse(NamespaceReaper.isStale("vlan10"));
        assertFalse(NamespaceReaper.isStale("ox1234rtr"));
        assertFalse(NamespaceReaper.isStale("vl1234dmz"));
    }

    @Test
    void ourOwnAndLiveOwnersAreNotStale() {
        assertFalse(NamespaceReaper.isStale("vl" + ProcessHandle.current().pid() + "rtr"));
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertFalse(NamespaceReaper.isStale("vl" + parent + "_3wan"));
    }

    @Test
    void aDeadOwnerMakesItsNamespacesStale() throws IOException, InterruptedException {
        long deadPid = deadPid();

        assertTrue(NamespaceReaper.isStale("vl" + deadPid + "lan"));
        assertTrue(NamespaceReaper.isStale("vl" + deadPid + "_2rtr"));
        assertTrue(NamespaceReaper.isStale("vl" + deadPid + "nat"));
        assertTrue(NamespaceReaper.isStale("vl" + deadPid + "_4wan2"));
    }

    /** The pid of a process that has exited and been reaped. */
    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
