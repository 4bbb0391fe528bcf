package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Namespaces and processes the harness creates are gone afterwards, whatever happens. */
@Tag("kernel")
class TopologyLifecycleTest {

    private final CommandRunner runner = new CommandRunner();

    @BeforeAll
    static void requireKernel() {
        KernelAccess.assumeAvailable();
    }

    private Set<String> namespaces() {
        return Arrays.stream(
                        runner.run("ip", "netns", "list").orThrow().stdout().split("\n"))
                .map(line -> line.strip().split("\\s+")[0])
                .collect(Collectors.toSet());
    }

    @Test
    void closeDeletesTheNamespacesAndKillsBackgroundProcesses() {
        Topology topology = Topology.create(runner, TopologyLayout.standard());
        BackgroundProcess listener;
        try {
            assertTrue(namespaces()
                    .containsAll(Set.of(
                            topology.lan().name(),
                            topology.router().name(),
                            topology.wan().name())));
            listener = topology.startBackground(topology.router(), List.of("sleep", "60"), Duration.ofMinutes(1));
            assertTrue(listener.isAlive());
        } finally {
            topology.close();
        }

        assertFalse(listener.isAlive());
        assertFalse(namespaces().contains(topology.router().name()));
    }

    @Test
    void aSecondWanGetsANamespaceOfItsOwnThatCloseDeletesToo() {
        TopologyLayout twoWans = TopologyLayout.standard()
                .withSecondWan(new TopologyLayout.SecondWan(
                        "198.51.100.1/24", "198.51.100.254/24", List.of("10.10.10.200/32")));
        Topology topology = Topology.create(runner, twoWans);
        String wan2;
        try {
            wan2 = topology.wan2().orElseThrow().name();
            assertTrue(wan2.matches("vl" + ProcessHandle.current().pid() + "(_\\d+)?wan2"), wan2);
            assertTrue(namespaces().contains(wan2));
            assertEquals(List.of(Origin.LAN, Origin.WAN, Origin.WAN2), topology.sides());
            assertTrue(topology.router()
                    .ip("-4", "addr", "show", "dev", Topology.ROUTER_SECOND_WAN_INTERFACE)
                    .orThrow()
                    .stdout()
                    .contains("198.51.100.1/24"));
        } finally {
            topology.close();
        }

        assertFalse(namespaces().contains(wan2));
        assertFalse(namespaces().contains(topology.router().name()));
    }

    @Test
    void aFailedBuildLeavesNothingBehind() {
        TopologyLayout impossible = TopologyLayout.standard().withWanLoopback(List.of("10.10.10.200/33"));
        Set<String> before = namespaces();

        try {
            Topology.create(runner, impossible).close();
        } catch (IllegalStateException expected) {
            // "ip addr add 10.10.10.200/33" fails half way through the build.
        }

        assertEquals(before, namespaces());
    }

    @Test
    void sweepDeletesNamespacesOfDeadOwnersOnly() throws IOException, InterruptedException {
        String orphan = "vl" + NamespaceReaperTest.deadPid() + "rtr";
        String liveOwners =
                "vl" + ProcessHandle.current().parent().orElseThrow().pid() + "_9rtr";
        runner.run("ip", "netns", "add", orphan).orThrow();
        try {
            runner.run("ip", "netns", "add", liveOwners).orThrow();

            List<String> swept = NamespaceReaper.sweepStale(runner);

            assertTrue(swept.contains(orphan), swept::toString);
            assertFalse(namespaces().contains(orphan));
            assertTrue(namespaces().contains(liveOwners));
        } finally {
            runner.run("ip", "netns", "del", orphan);
            runner.run("ip", "netns", "del", liveOwners);
        }
    }

    @Test
    void theOracleBuildsOneTopologyForCasesWithFreshPorts() {
        try (KernelOracle oracle = new KernelOracle()) {
            for (int sourcePort = 23001; sourcePort <= 23003; sourcePort++) {
                oracle.observe(SiteToSite.routedScenario("reuse " + sourcePort)
                        .probe(ProbePacket.fromLan(
                                PacketHeader.udp(SiteToSite.LAN_HOST, sourcePort, SiteToSite.REMOTE_HOST, 5555)))
                        .build());
            }
            oracle.observe(SiteToSite.routedScenario("same port again")
                    .probe(ProbePacket.fromLan(
                            PacketHeader.udp(SiteToSite.LAN_HOST, 23001, SiteToSite.REMOTE_HOST, 5555)))
                    .build());

            assertEquals(2, oracle.topologiesBuilt());
        }
    }
}
