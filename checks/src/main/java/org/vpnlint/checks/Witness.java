package org.vpnlint.checks;

/**
 * The concrete packet that demonstrates a finding, as it enters the router. Ports are null for protocols without
 * ports. {@code inInterface} is the interface it arrives on, or "local" for a packet the router itself sends.
 * {@code saState} is "up" or "down" (the state of the tunnels involved). {@code balancedTo} is the WAN a load
 * balancer chose for the packet's connection (docs/semantics/wan-load-balancing.md), null when no load balancer
 * marked it: the choice is part of the witness, as the solver makes it like the addresses.
 */
public record Witness(
        String src,
        String dst,
        String protocol,
        Integer srcPort,
        Integer dstPort,
        String inInterface,
        String saState,
        String balancedTo) {

    /** A packet no load balancer marked. */
    public Witness(
            String src,
            String dst,
            String protocol,
            Integer srcPort,
            Integer dstPort,
            String inInterface,
            String saState) {
        this(src, dst, protocol, srcPort, dstPort, inInterface, saState, null);
    }

    /**
     * One line, e.g. {@code tcp 192.168.10.100:1024 → 10.10.10.200:22 in eth1, SA up}, or with a load balancer
     * {@code tcp 192.168.10.100:1024 → 10.10.10.200:22 in eth1, balanced to eth2, SA up}.
     */
    public String describe() {
        String from = srcPort == null ? src : src + ":" + srcPort;
        String to = dstPort == null ? dst : dst + ":" + dstPort;
        String balanced = balancedTo == null ? "" : ", balanced to " + balancedTo;
        return protocol + " " + from + " → " + to + " in " + inInterface + balanced + ", SA " + saState;
    }
}
