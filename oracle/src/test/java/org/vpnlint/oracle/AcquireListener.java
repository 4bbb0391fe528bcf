package org.vpnlint.oracle;

import java.time.Duration;
import java.util.List;

/**
 * A process subscribed to XFRM ACQUIRE messages in the router namespace, standing in for strongSwan's charon.
 *
 * <p>It is needed, not just nice to have: the kernel creates a larval state for a template without SA only when
 * an ACQUIRE can be delivered to a key manager. With nobody listening, {@code km_query} fails, no larval state
 * is left, and {@link LarvalState}s (our record of which policy matched which flow) would be missing. Output is
 * discarded: the larval states hold the same information and can be read synchronously.
 */
final class AcquireListener {

    /** How long the listener may outlive a JVM killed with -9; the oracle replaces it before it expires. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    /** A listener this close to its end is replaced before a case, so that it cannot expire during one. */
    static final Duration RENEWAL_MARGIN = Duration.ofMinutes(1);

    private static final Duration SUBSCRIBE_DEADLINE = Duration.ofSeconds(5);
    private static final int NETLINK_XFRM = 6;
    private static final int XFRMNLGRP_ACQUIRE_BIT = 1;

    private AcquireListener() {}

    /** Starts {@code ip xfrm monitor acquire} in the namespace and returns once it is subscribed. */
    static BackgroundProcess start(Topology topology, NetworkNamespace namespace) {
        BackgroundProcess monitor =
                topology.startBackground(namespace, List.of("ip", "xfrm", "monitor", "acquire"), MAX_LIFETIME);
        long deadline = System.nanoTime() + SUBSCRIBE_DEADLINE.toNanos();
        while (!isSubscribed(namespace)) {
            if (!monitor.isAlive() || System.nanoTime() > deadline) {
                monitor.close();
                throw new IllegalStateException("ip xfrm monitor acquire did not subscribe in " + namespace.name());
            }
            pause();
        }
        return monitor;
    }

    /** True when /proc/net/netlink of the namespace shows an XFRM socket in the ACQUIRE multicast group. */
    static boolean isSubscribed(NetworkNamespace namespace) {
        return hasAcquireSubscriber(namespace.readProcFile("/proc/net/netlink"));
    }

    static boolean hasAcquireSubscriber(String procNetNetlink) {
        for (String line : procNetNetlink.split("\n")) {
            // sk Eth Pid Groups ...: Eth is the netlink protocol, Groups a hex bitmask of joined groups.
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 4
                    && fields[1].equals(String.valueOf(NETLINK_XFRM))
                    && fields[3].matches("[0-9a-fA-F]+")
                    && (Long.parseLong(fields[3], 16) & XFRMNLGRP_ACQUIRE_BIT) != 0) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ACQUIRE listener", e);
        }
    }
}
