package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fact behind {@code dmvpn-hub-spoke-mismatch}'s GRE key check (docs/semantics/dmvpn.md#gre-key): a multipoint GRE
 * tunnel (a DMVPN hub, no remote) takes a received GRE packet only when the packet's key equals the tunnel's key, and
 * a packet without a key only when the tunnel has none. The spoke is the topology's router namespace, the hub its wan
 * namespace; the spoke pings the hub's tunnel address and the hub's tunnel device counts what it received. On a
 * kernel without GRE tunnel devices the tests abort (skip), even where the kernel oracle is required: the rest of the
 * oracle needs no tunnel device.
 */
@Tag("kernel")
class GreKeyTest {

    @BeforeAll
    static void kernel() {
        KernelAccess.assumeAvailable();
    }

    @Test
    void aHubTakesPacketsWithItsOwnKey() {
        assertEquals(3, packetsTheHubTakes("key 1", "key 1"));
    }

    @Test
    void aHubDropsPacketsWithAnotherKey() {
        assertEquals(0, packetsTheHubTakes("key 2", "key 1"));
    }

    @Test
    void aHubWithAKeyDropsPacketsWithoutOne() {
        assertEquals(0, packetsTheHubTakes("", "key 1"));
    }

    @Test
    void aHubWithoutAKeyDropsPacketsWithOne() {
        assertEquals(0, packetsTheHubTakes("key 1", ""));
    }

    /** Three pings from the spoke over GRE; how many the hub's multipoint tunnel received. */
    private static long packetsTheHubTakes(String spokeKey, String hubKey) {
        CommandRunner runner = new CommandRunner();
        TopologyLayout layout = TopologyLayout.standard();
        try (Topology topology = Topology.create(runner, layout)) {
            NetworkNamespace spoke = topology.router();
            NetworkNamespace hub = topology.wan();
            String spokeOuter = layout.routerWanHost();
            String hubOuter = layout.wanHost();
            CommandResult hubTunnel = hub.ipBatch("tunnel add hub0 mode gre local " + hubOuter + " " + hubKey + "\n"
                    + "addr add 10.99.0.1/24 dev hub0\n"
                    + "link set hub0 up\n");
            if (!hubTunnel.succeeded() && hubTunnel.stderr().contains("No such device")) {
                // some kernels (e.g. minimal VM kernels) are built without ip_gre; there is nothing to observe
                abort("this kernel has no GRE tunnel devices (ip_gre): "
                        + hubTunnel.stderr().trim());
            }
            hubTunnel.orThrow();
            spoke.ipBatch("tunnel add spk0 mode gre local " + spokeOuter + " remote " + hubOuter + " " + spokeKey
                            + "\n"
                            + "addr add 10.99.0.10/24 dev spk0\n"
                            + "link set spk0 up\n")
                    .orThrow();
            spoke.exec("ping", "-c", "3", "-i", "0.2", "-W", "1", "10.99.0.1");
            String counters = hub.readProcFile("/sys/class/net/hub0/statistics/rx_packets")
                    .trim();
            assertTrue(counters.matches("\\d+"), counters);
            return Long.parseLong(counters);
        }
    }
}
