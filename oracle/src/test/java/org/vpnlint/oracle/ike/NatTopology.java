package org.vpnlint.oracle.ike;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.oracle.CommandRunner;

/**
 * Three network namespaces named with the JVM's pid, {@code vl<pid>ini} (left router), {@code vl<pid>nat} and
 * {@code vl<pid>rsp} (right router), wired as in {@link TopologyPlan}. Every address lives inside them; closing
 * deletes all three (also after a failed set-up), and a shutdown hook does the same if the JVM dies first.
 */
final class NatTopology implements AutoCloseable {

    private static final long PID = ProcessHandle.current().pid();
    static final String LEFT = "vl" + PID + "ini";
    static final String NAT = "vl" + PID + "nat";
    static final String RIGHT = "vl" + PID + "rsp";
    private static final Thread CLEANUP = new Thread(NatTopology::deleteAll, "vpnlint-netns-cleanup");

    static {
        Runtime.getRuntime().addShutdownHook(CLEANUP);
    }

    private final CommandRunner commands = new CommandRunner();
    private final TopologyPlan plan;

    private NatTopology(TopologyPlan plan) {
        this.plan = plan;
    }

    static NatTopology create(TopologyPlan plan) {
        deleteAll(); // left over from an aborted case of this JVM
        NatTopology topology = new NatTopology(plan);
        try {
            topology.build();
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
    }

    TopologyPlan plan() {
        return plan;
    }

    private void build() {
        for (String namespace : List.of(LEFT, NAT, RIGHT)) {
            commands.run("ip", "netns", "add", namespace).orThrow();
            ip(namespace, "link", "set", "lo", "up");
        }
        commands.run("ip", "link", "add", "i0", "netns", LEFT, "type", "veth", "peer", "name", "n0", "netns", NAT)
                .orThrow();
        commands.run("ip", "link", "add", "r0", "netns", RIGHT, "type", "veth", "peer", "name", "n1", "netns", NAT)
                .orThrow();
        ip(LEFT, "addr", "add", plan.leftAddress() + "/24", "dev", "i0");
        ip(NAT, "addr", "add", plan.leftGateway() + "/24", "dev", "n0");
        ip(RIGHT, "addr", "add", plan.rightAddress() + "/24", "dev", "r0");
        ip(NAT, "addr", "add", plan.rightGateway() + "/24", "dev", "n1");
        for (String[] link : new String[][] {{LEFT, "i0"}, {NAT, "n0"}, {NAT, "n1"}, {RIGHT, "r0"}}) {
            ip(link[0], "link", "set", link[1], "up");
        }
        ip(LEFT, "route", "add", "default", "via", plan.leftGateway());
        ip(RIGHT, "route", "add", "default", "via", plan.rightGateway());
        commands.run("ip", "netns", "exec", NAT, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1")
                .orThrow();
        commands.run(List.of("ip", "netns", "exec", NAT, "nft", "-f", "-"), natRules())
                .orThrow();
    }

    /** nft rules of the NAT namespace: DNAT for 1:1 sides, SNAT for every NATed side. */
    private String natRules() {
        List<String> pre = new ArrayList<>();
        List<String> post = new ArrayList<>();
        if (plan.left() != NatKind.NONE) {
            post.add("oifname \"n1\" ip saddr " + TopologyPlan.LEFT_PRIVATE + " snat to " + TopologyPlan.LEFT_PUBLIC);
            if (plan.left() == NatKind.ONE_TO_ONE) {
                pre.add("ip daddr " + TopologyPlan.LEFT_PUBLIC + " dnat to " + TopologyPlan.LEFT_PRIVATE);
            }
        }
        if (plan.right() != NatKind.NONE) {
            post.add("oifname \"n0\" ip saddr " + TopologyPlan.RIGHT_PRIVATE + " snat to " + TopologyPlan.RIGHT_PUBLIC);
            if (plan.right() == NatKind.ONE_TO_ONE) {
                pre.add("ip daddr " + TopologyPlan.RIGHT_PUBLIC + " dnat to " + TopologyPlan.RIGHT_PRIVATE);
            }
        }
        return "table ip vlnat {\n"
                + " chain pre { type nat hook prerouting priority -100;\n" + lines(pre) + " }\n"
                + " chain post { type nat hook postrouting priority 100;\n" + lines(post) + " }\n"
                + "}\n";
    }

    private static String lines(List<String> rules) {
        StringBuilder text = new StringBuilder();
        for (String rule : rules) text.append("  ").append(rule).append(";\n");
        return text.toString();
    }

    private void ip(String namespace, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
        command.addAll(List.of(arguments));
        commands.run(command, null).orThrow();
    }

    @Override
    public void close() {
        deleteAll();
    }

    private static void deleteAll() {
        CommandRunner runner = new CommandRunner();
        for (String namespace : List.of(LEFT, NAT, RIGHT)) {
            runner.run("ip", "netns", "delete", namespace); // absent is fine
        }
    }
}
