package org.vpnlint.oracle;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Replays {@link KernelScenario}s against the real kernel and reports what it did ({@link Observation}).
 *
 * <p>One topology is reused across scenarios with the same layout; it is rebuilt when the layout changes or when
 * the probe could meet a conntrack entry of an earlier case (same protocol and source port, or any GRE probe,
 * which has no ports to tell flows apart). Each topology's router runs an {@link AcquireListener}.
 * Not thread-safe: use one oracle per thread (oracles in one JVM get distinct namespaces).
 */
public final class KernelOracle implements AutoCloseable {

    /** How long to wait for a probe whose fate no observer has reported (silent drops). */
    private static final Duration SETTLE_DEADLINE = Duration.ofMillis(150);

    private static final long POLL_MILLIS = 10;
    private static final String XFRM_STAT = "/proc/net/xfrm_stat";

    private final CommandRunner runner;
    private final PacketSender sender = new PacketSender();
    private final Set<String> sentFlows = new HashSet<>();
    private Topology topology;
    private ScenarioInstaller installer;
    private BackgroundProcess acquireListener;
    private int topologiesBuilt;

    public KernelOracle() {
        this(new CommandRunner());
    }

    public KernelOracle(CommandRunner runner) {
        this.runner = runner;
    }

    /** Installs the scenario, sends its probe and classifies what the kernel did. */
    public Observation observe(KernelScenario scenario) {
        prepareTopology(scenario);
        try {
            installer.install(scenario);
        } catch (RuntimeException e) {
            discardTopology();
            throw e;
        }
        NetworkNamespace router = topology.router();
        XfrmStat before = XfrmStat.parse(router.readProcFile(XFRM_STAT));
        SendResult send = sender.send(topology, scenario.probe());
        return Observation.classify(scenario, collect(scenario.probe(), send, before));
    }

    /** Number of topologies built so far (a measure of how much reuse the cases allowed). */
    public int topologiesBuilt() {
        return topologiesBuilt;
    }

    @Override
    public void close() {
        discardTopology();
    }

    private void prepareTopology(KernelScenario scenario) {
        ProbePacket probe = scenario.probe();
        boolean reusable = topology != null
                && topology.layout().equals(scenario.layout())
                && probe.header().protocol() != IpProtocol.GRE
                && !sentFlows.contains(flowKey(probe));
        if (!reusable) {
            discardTopology();
            topology = Topology.create(runner, scenario.layout());
            installer = new ScenarioInstaller(topology);
            topologiesBuilt++;
        }
        if (acquireListener == null || !acquireListener.willLive(AcquireListener.RENEWAL_MARGIN)) {
            if (acquireListener != null) {
                acquireListener.close();
            }
            acquireListener = AcquireListener.start(topology, topology.router());
        }
        sentFlows.add(flowKey(probe));
    }

    /** Conntrack tells flows apart by ports (ICMP: echo id); fresh source ports never meet an old entry. */
    private static String flowKey(ProbePacket probe) {
        return probe.header().protocol().keyword() + "/" + probe.header().sourcePort();
    }

    private void discardTopology() {
        if (topology != null) {
            topology.close();
            topology = null;
            installer = null;
            acquireListener = null;
            sentFlows.clear();
        }
    }

    /** Reads the observers until the probe's fate is known, or the settle deadline passes for silent drops. */
    private Evidence collect(ProbePacket probe, SendResult send, XfrmStat before) {
        long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
        while (true) {
            Evidence evidence = read(probe, send, before);
            if (evidence.isConclusive() || System.nanoTime() > deadline) {
                return evidence;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return evidence;
            }
        }
    }

    /**
     * Reads the observers from the end of the path backwards: if the probe has arrived, the router is done with
     * it; if a drop counter moved, the hooks before the drop have counted it. So a conclusive read is complete.
     */
    private Evidence read(ProbePacket probe, SendResult send, XfrmStat before) {
        Map<Origin, ArrivalLog> arrivals = new EnumMap<>(Origin.class);
        for (Origin side : topology.sides()) {
            if (side != probe.origin()) {
                arrivals.put(side, ArrivalLog.parse(listObserver(topology.namespaceOf(side))));
            }
        }
        NetworkNamespace router = topology.router();
        XfrmStat after = XfrmStat.parse(router.readProcFile(XFRM_STAT));
        String states = router.ip("xfrm", "state").orThrow().stdout();
        HookCounters hooks = HookCounters.parse(listObserver(router));
        return new Evidence(send, hooks, after.changesSince(before), LarvalState.parseAll(states), arrivals);
    }

    private static String listObserver(NetworkNamespace namespace) {
        return namespace
                .exec("nft", "list", "table", ObserverRuleset.TABLE_FAMILY, ObserverRuleset.TABLE_NAME)
                .orThrow()
                .stdout();
    }
}
