package org.vpnlint.oracle;

import java.util.List;

/**
 * Puts a scenario's kernel objects into a topology, replacing those of the previous scenario, so that one topology
 * can serve many cases. Each call costs four processes (five with a second WAN): one {@code ip -batch} and one {@code nft -f} per namespace.
 *
 * <p>What survives between cases on purpose: connected routes, addresses, neighbour entries, the XFRM counters
 * (the oracle compares before/after values) and conntrack entries (there is no conntrack CLI here, so
 * {@link KernelOracle} only reuses a topology for a probe whose protocol and source port it has not sent yet).
 */
final class ScenarioInstaller {

    private final Topology topology;
    private List<RoutingRule> installedRules = List.of();

    ScenarioInstaller(Topology topology) {
        this.topology = topology;
    }

    /** Removes the previous scenario and installs this one. If this throws, the topology is in an unknown state. */
    void install(KernelScenario scenario) {
        StringBuilder batch = new StringBuilder();
        // Larval states go too: while one is pending the kernel sends no new ACQUIRE for its template.
        batch.append("xfrm policy flush\n").append("xfrm state flush\n");
        batch.append("route flush table all proto static\n");
        installedRules.forEach(rule -> batch.append(rule.deleteCommand()).append('\n'));
        scenario.routes().forEach(route -> batch.append(route.addCommand()).append('\n'));
        scenario.rules().forEach(rule -> batch.append(rule.addCommand()).append('\n'));
        scenario.policies().forEach(policy -> batch.append(policy.addCommand()).append('\n'));
        installedRules = scenario.rules();
        topology.router().ipBatch(batch.toString()).orThrow();

        // Observers are recreated with the ruleset, which also zeroes their counters and empties their sets.
        topology.router()
                .nft("flush ruleset\n" + ObserverRuleset.routerHooks()
                        + scenario.nft().text())
                .orThrow();
        topology.lan()
                .nft("flush ruleset\n" + ObserverRuleset.arrivalLog(Topology.LAN_INTERFACE))
                .orThrow();
        topology.wan()
                .nft("flush ruleset\n" + ObserverRuleset.arrivalLog(Topology.WAN_INTERFACE))
                .orThrow();
        if (topology.wan2().isPresent()) {
            topology.wan2()
                    .get()
                    .nft("flush ruleset\n" + ObserverRuleset.arrivalLog(Topology.WAN_INTERFACE))
                    .orThrow();
        }
    }
}
