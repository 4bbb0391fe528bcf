package org.vpnlint.oracle;

/**
 * The nftables tables the oracle adds to watch a probe. They count only packets carrying the probe's TOS mark
 * ({@link #PROBE_TOS}, DSCP cs1): NAT and XFRM leave the TOS byte alone, while the kernel's own ICMP errors and
 * anything else on the links carry a different one.
 */
final class ObserverRuleset {

    /** TOS byte the sender sets on every probe (DSCP cs1, i.e. 8 << 2). */
    static final int PROBE_TOS = 0x20;

    static final String TABLE_FAMILY = "inet";
    static final String TABLE_NAME = "vpnlint_observer";
    private static final String TABLE = TABLE_FAMILY + " " + TABLE_NAME;

    private static final String MATCH_PROBE = "ip dscp cs1";

    private ObserverRuleset() {}

    /**
     * Router counters around each decision point. "first" chains run before every other chain of their hook
     * (priority -300), "last" ones after (300, i.e. after SNAT at 100 in POSTROUTING). A packet counted in
     * forward_first but not in forward_last was dropped by a FORWARD filter; one counted in forward_last but not
     * in postrouting_last was dropped in POSTROUTING (by SNAT's XFRM re-lookup, or a filter).
     */
    static String routerHooks() {
        return "table " + TABLE + " {\n"
                + counterChain("prerouting_first", "prerouting", -300)
                + counterChain("input_first", "input", -300)
                + counterChain("forward_first", "forward", -300)
                + counterChain("forward_last", "forward", 300)
                + counterChain("output_first", "output", -300)
                + counterChain("output_last", "output", 300)
                + counterChain("postrouting_last", "postrouting", 300)
                + "}\n";
    }

    /**
     * A log, in the receiving namespace, of the headers probes had when they arrived on {@code interfaceName}:
     * {@code seen} holds address . address . protocol, {@code seen_ports} adds the ports for TCP and UDP.
     * The probe is then dropped, so no echo reply, RST or port-unreachable comes back: those copy the TOS byte
     * and would be counted on the router as a second probe.
     */
    static String arrivalLog(String interfaceName) {
        String arriving = "iifname \"" + interfaceName + "\" " + MATCH_PROBE;
        return "table " + TABLE + " {\n"
                + "\tset seen {\n\t\ttype ipv4_addr . ipv4_addr . inet_proto\n\t\tflags dynamic\n\t}\n"
                + "\tset seen_ports {\n\t\ttype ipv4_addr . ipv4_addr . inet_proto . inet_service . inet_service\n"
                + "\t\tflags dynamic\n\t}\n"
                + "\tchain prerouting_first {\n"
                + "\t\ttype filter hook prerouting priority -300; policy accept;\n"
                + "\t\t" + arriving + " update @seen { ip saddr . ip daddr . meta l4proto }\n"
                + "\t\t" + arriving + " meta l4proto { tcp, udp }"
                + " update @seen_ports { ip saddr . ip daddr . meta l4proto . th sport . th dport }\n"
                + "\t\t" + arriving + " drop\n"
                + "\t}\n"
                + "}\n";
    }

    private static String counterChain(String name, String hook, int priority) {
        return "\tchain " + name + " {\n"
                + "\t\ttype filter hook " + hook + " priority " + priority + "; policy accept;\n"
                + "\t\t" + MATCH_PROBE + " counter\n"
                + "\t}\n";
    }
}
