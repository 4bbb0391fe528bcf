package org.vpnlint.oracle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure no test namespace outlives the JVM that created it.
 *
 * <p>Namespaces are named {@code vl<pid>[_<n>]<role>} so that their owner can be told from the name. Three
 * safety nets: {@link Topology#close()}; a JVM shutdown hook closing every topology still open (e.g. after a
 * failed assertion that skipped a close, or Ctrl-C); and a sweep, run before the first topology of a JVM is built,
 * that deletes namespaces whose owning pid is no longer alive (left behind by a JVM that was killed with -9).
 * Namespaces of live processes, including concurrent test runs, are never touched.
 */
public final class NamespaceReaper {

    /**
     * {@code vl<pid>[_<n>]<role>}; group 1 is the owner's pid. Roles: lan/rtr/wan/wan2 of {@link Topology} and
     * ini/nat/rsp of the IKE oracle's NAT topology, which follows the same naming rule.
     */
    static final Pattern OWNED_NAME = Pattern.compile("vl(\\d+)(?:_\\d+)?(?:lan|rtr|wan2?|ini|nat|rsp)");

    private static final long OWN_PID = ProcessHandle.current().pid();
    private static final Set<Topology> OPEN = new LinkedHashSet<>();
    private static int topologiesCreated;
    private static boolean hookInstalled;

    private NamespaceReaper() {}

    /**
     * Registers a topology about to be built and returns its namespace name prefix. The first call in a JVM
     * also sweeps stale namespaces and installs the shutdown hook.
     */
    static synchronized String register(Topology topology, CommandRunner runner) {
        if (!hookInstalled) {
            sweepStale(runner);
            Runtime.getRuntime().addShutdownHook(new Thread(NamespaceReaper::closeAllOpen, "vpnlint-netns-reaper"));
            hookInstalled = true;
        }
        OPEN.add(topology);
        topologiesCreated++;
        return "vl" + OWN_PID + (topologiesCreated == 1 ? "" : "_" + topologiesCreated);
    }

    static synchronized void unregister(Topology topology) {
        OPEN.remove(topology);
    }

    /** Deletes {@code vl<pid>*} namespaces whose pid is dead; returns their names. */
    public static List<String> sweepStale(CommandRunner runner) {
        List<String> deleted = new ArrayList<>();
        CommandResult list = runner.run("ip", "netns", "list");
        if (!list.succeeded()) {
            return deleted;
        }
        for (String line : list.stdout().split("\n")) {
            // "ip netns list" prints "name" or "name (id: 3)".
            String name = line.strip().split("\\s+")[0];
            if (isStale(name)) {
                runner.run("ip", "netns", "del", name);
                deleted.add(name);
            }
        }
        return deleted;
    }

    /** True for a name this harness would generate whose owning process no longer exists. */
    static boolean isStale(String namespaceName) {
        Matcher matcher = OWNED_NAME.matcher(namespaceName);
        if (!matcher.matches()) {
            return false;
        }
        long owner = Long.parseLong(matcher.group(1));
        return owner != OWN_PID && ProcessHandle.of(owner).isEmpty();
    }

    private static void closeAllOpen() {
        List<Topology> open;
        synchronized (NamespaceReaper.class) {
            open = new ArrayList<>(OPEN);
        }
        open.forEach(Topology::close);
    }
}
