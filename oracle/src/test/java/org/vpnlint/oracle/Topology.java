package org.vpnlint.oracle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Three network namespaces wired as lan ── rtr ── wan, and a fourth, wan2, on the router's r2 when the layout has a
 * second WAN (see {@link TopologyLayout}), deleted again on {@link #close()}. The router forwards (ip_forward=1) and has only connected routes until a scenario adds more.
 *
 * <p>Everything a probe can reach lives inside these namespaces: the host's network is never involved.
 */
public final class Topology implements AutoCloseable {

    /** Interface names; they only need to be unique inside a namespace. */
    public static final String LAN_INTERFACE = "l0";

    public static final String ROUTER_LAN_INTERFACE = "r0";
    public static final String ROUTER_WAN_INTERFACE = "r1";
    public static final String ROUTER_SECOND_WAN_INTERFACE = "r2";
    public static final String WAN_INTERFACE = "w0";

    private final CommandRunner runner;
    private final TopologyLayout layout;
    private final NetworkNamespace lan;
    private final NetworkNamespace router;
    private final NetworkNamespace wan;
    private final NetworkNamespace wan2;
    private final List<BackgroundProcess> backgroundProcesses = new ArrayList<>();
    private boolean closed;

    private Topology(CommandRunner runner, TopologyLayout layout) {
        this.runner = runner;
        this.layout = layout;
        String prefix = NamespaceReaper.register(this, runner);
        this.lan = new NetworkNamespace(prefix + "lan", runner);
        this.router = new NetworkNamespace(prefix + "rtr", runner);
        this.wan = new NetworkNamespace(prefix + "wan", runner);
        this.wan2 = layout.hasSecondWan() ? new NetworkNamespace(prefix + "wan2", runner) : null;
    }

    /** Builds the namespaces, links and addresses; on any failure deletes what was built and rethrows. */
    public static Topology create(CommandRunner runner, TopologyLayout layout) {
        Topology topology = new Topology(runner, layout);
        try {
            topology.build();
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
    }

    private void build() {
        StringBuilder links = new StringBuilder();
        links.append("netns add ").append(lan.name()).append('\n');
        links.append("netns add ").append(router.name()).append('\n');
        links.append("netns add ").append(wan.name()).append('\n');
        if (wan2 != null) links.append("netns add ").append(wan2.name()).append('\n');
        links.append(veth(LAN_INTERFACE, lan, ROUTER_LAN_INTERFACE, router));
        links.append(veth(ROUTER_WAN_INTERFACE, router, WAN_INTERFACE, wan));
        if (wan2 != null) links.append(veth(ROUTER_SECOND_WAN_INTERFACE, router, WAN_INTERFACE, wan2));
        runner.run(List.of("ip", "-batch", "-"), links.toString()).orThrow();

        StringBuilder lanBatch = new StringBuilder("link set lo up\n");
        layout.lanAddresses()
                .forEach(a -> lanBatch.append("addr add ").append(a).append(" dev " + LAN_INTERFACE + "\n"));
        lanBatch.append("link set " + LAN_INTERFACE + " up\n");
        lanBatch.append("route add default via ").append(layout.lanGateway()).append('\n');
        lan.ipBatch(lanBatch.toString()).orThrow();

        StringBuilder routerBatch = new StringBuilder("link set lo up\n");
        routerBatch.append("addr add ").append(layout.routerLanAddress()).append(" dev " + ROUTER_LAN_INTERFACE + "\n");
        routerBatch.append("addr add ").append(layout.routerWanAddress()).append(" dev " + ROUTER_WAN_INTERFACE + "\n");
        layout.routerLoopback()
                .forEach(a -> routerBatch.append("addr add ").append(a).append(" dev lo\n"));
        routerBatch.append("link set " + ROUTER_LAN_INTERFACE + " up\n");
        routerBatch.append("link set " + ROUTER_WAN_INTERFACE + " up\n");
        if (wan2 != null) {
            routerBatch
                    .append("addr add ")
                    .append(layout.secondWan().routerAddress())
                    .append(" dev " + ROUTER_SECOND_WAN_INTERFACE + "\n");
            routerBatch.append("link set " + ROUTER_SECOND_WAN_INTERFACE + " up\n");
        }
        router.ipBatch(routerBatch.toString()).orThrow();
        router.writeSysctl("/proc/sys/net/ipv4/ip_forward", "1");

        StringBuilder wanBatch = new StringBuilder("link set lo up\n");
        wanBatch.append("addr add ").append(layout.wanAddress()).append(" dev " + WAN_INTERFACE + "\n");
        layout.wanLoopback().forEach(a -> wanBatch.append("addr add ").append(a).append(" dev lo\n"));
        wanBatch.append("link set " + WAN_INTERFACE + " up\n");
        layout.wanRoutesToRouter()
                .forEach(p -> wanBatch.append("route add ")
                        .append(p)
                        .append(" via ")
                        .append(layout.routerWanHost())
                        .append('\n'));
        wan.ipBatch(wanBatch.toString()).orThrow();

        if (wan2 != null) {
            // No routes: wan2 logs and drops every probe before routing it (ObserverRuleset).
            StringBuilder wan2Batch = new StringBuilder("link set lo up\n");
            wan2Batch.append("addr add ").append(layout.secondWan().address()).append(" dev " + WAN_INTERFACE + "\n");
            layout.secondWan()
                    .loopback()
                    .forEach(a -> wan2Batch.append("addr add ").append(a).append(" dev lo\n"));
            wan2Batch.append("link set " + WAN_INTERFACE + " up\n");
            wan2.ipBatch(wan2Batch.toString()).orThrow();
        }
    }

    private static String veth(String name, NetworkNamespace side, String peerName, NetworkNamespace peerSide) {
        return "link add " + name + " netns " + side.name() + " type veth peer name " + peerName + " netns "
                + peerSide.name() + "\n";
    }

    public TopologyLayout layout() {
        return layout;
    }

    public NetworkNamespace lan() {
        return lan;
    }

    public NetworkNamespace router() {
        return router;
    }

    public NetworkNamespace wan() {
        return wan;
    }

    /** The second WAN's namespace, if the layout has one. */
    public Optional<NetworkNamespace> wan2() {
        return Optional.ofNullable(wan2);
    }

    /** The namespaces behind the router's interfaces, where a forwarded probe may arrive. */
    public List<Origin> sides() {
        return wan2 == null ? List.of(Origin.LAN, Origin.WAN) : List.of(Origin.LAN, Origin.WAN, Origin.WAN2);
    }

    public NetworkNamespace namespaceOf(Origin origin) {
        return switch (origin) {
            case LAN -> lan;
            case ROUTER -> router;
            case WAN -> wan;
            case WAN2 -> wan2().orElseThrow(() -> new IllegalStateException("the layout has no second WAN"));
        };
    }

    /**
     * Starts a long-running command in one of this topology's namespaces; {@link #close()} kills it.
     * {@code maxLifetime} bounds it even if the JVM dies without cleaning up.
     */
    public synchronized BackgroundProcess startBackground(
            NetworkNamespace namespace, List<String> command, Duration maxLifetime) {
        if (closed) {
            throw new IllegalStateException("topology already closed");
        }
        BackgroundProcess process = BackgroundProcess.start(namespace, command, maxLifetime);
        backgroundProcesses.add(process);
        return process;
    }

    /**
     * Kills the background processes this topology started, then deletes the namespaces (veths go with them).
     * Idempotent; never throws, so it is safe in finally blocks and the shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        backgroundProcesses.forEach(BackgroundProcess::close);
        backgroundProcesses.clear();
        // -force: keep deleting the others when one is already gone (e.g. a half-built topology).
        StringBuilder delete = new StringBuilder();
        for (NetworkNamespace namespace : new NetworkNamespace[] {lan, router, wan, wan2}) {
            if (namespace != null)
                delete.append("netns del ").append(namespace.name()).append('\n');
        }
        runner.run(List.of("ip", "-force", "-batch", "-"), delete.toString());
        NamespaceReaper.unregister(this);
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}
