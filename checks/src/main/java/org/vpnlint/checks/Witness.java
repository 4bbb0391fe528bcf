package org.vpnlint.checks;

/**
 * The concrete packet that demonstrates a finding, as it enters the router. Ports are null for protocols without
 * ports. {@code inInterface} is the interface it arrives on, or "local" for a packet the router itself sends.
 * {@code saState} is "up" or "down" (the state of the tunnels involved).
 */
public record Witness(
        String src, String dst, String protocol, Integer srcPort, Integer dstPort, String inInterface, String saState) {

    /** One line, e.g. {@code tcp 192.168.10.100:1024 → 10.10.10.200:22 in eth1, SA up}. */
    public String describe() {
        String from = srcPort == null ? src : src + ":" + srcPort;
        String to = dstPort == null ? dst : dst + ":" + dstPort;
        return protocol + " " + from + " → " + to + " in " + inInterface + ", SA " + saState;
    }
}
