package org.vpnlint.bench;

/**
 * Writes a VyOS 1.4 router with a large firewall as {@code set} commands: {@code rules} rules spread evenly over
 * {@code chains} named chains that the forward filter jumps to (one jump per chain, by inbound interface), 20
 * address groups of {@code groupSize} scattered host addresses and 20 network groups of {@code networkGroupSize}
 * /24 prefixes. Each rule matches TCP from a network group to an address group on its own port, so most rules are
 * reachable; every 50th rule repeats the rule before it, so the unreachable-rule check has shadowed rules to prove.
 * One port forward and one rule naming the router's own public address give the pre-DNAT check something to ask.
 */
public final class SyntheticFirewall {
    private static final int GROUPS = 20;

    private SyntheticFirewall() {}

    public static String write(int rules, int chains, int groupSize, int networkGroupSize) {
        StringBuilder out = new StringBuilder(160 * (rules + GROUPS * (groupSize + networkGroupSize)));
        out.append("set system host-name 'bench-firewall'\n");
        out.append("set interfaces ethernet eth0 address '203.0.113.1/24'\n");
        out.append("set interfaces ethernet eth1 address '10.0.0.1/8'\n");
        out.append("set protocols static route 0.0.0.0/0 next-hop '203.0.113.254'\n");
        out.append("set nat destination rule 10 inbound-interface name 'eth0'\n");
        out.append("set nat destination rule 10 destination address '203.0.113.1'\n");
        out.append("set nat destination rule 10 protocol 'tcp'\n");
        out.append("set nat destination rule 10 destination port '443'\n");
        out.append("set nat destination rule 10 translation address '10.0.0.20'\n");
        for (int g = 0; g < GROUPS; g++) {
            for (int i = 0; i < groupSize; i++) {
                // scattered, so that the groups do not collapse into a few intervals
                long host = (long) (g * 7919 + i * 104_729L) % (1L << 22);
                out.append("set firewall group address-group A")
                        .append(g)
                        .append(" address '10.")
                        .append(64 + (host >> 16))
                        .append('.')
                        .append(host >> 8 & 255)
                        .append('.')
                        .append(host & 255)
                        .append("'\n");
            }
            for (int i = 0; i < networkGroupSize; i++) {
                int net = (g * 613 + i * 2_971) % 65_536;
                out.append("set firewall group network-group N")
                        .append(g)
                        .append(" network '172.")
                        .append(16 + (net >> 12))
                        .append('.')
                        .append(net & 255)
                        .append(".0/24'\n");
            }
        }
        out.append("set firewall ipv4 forward filter default-action 'accept'\n");
        out.append("set firewall ipv4 forward filter rule 1 action 'accept'\n");
        out.append("set firewall ipv4 forward filter rule 1 destination address '203.0.113.1'\n");
        out.append("set firewall ipv4 forward filter rule 1 protocol 'tcp'\n");
        for (int c = 0; c < chains; c++) {
            String jump = "set firewall ipv4 forward filter rule " + (10 + c) + " ";
            out.append(jump).append("action 'jump'\n");
            out.append(jump).append("jump-target 'C").append(c).append("'\n");
            out.append(jump).append("inbound-interface name 'eth").append(c % 2).append("'\n");
            out.append(jump)
                    .append("destination port '")
                    .append(1 + c)
                    .append('-')
                    .append(60_000)
                    .append("'\n");
        }
        int perChain = Math.max(1, rules / chains);
        for (int k = 0; k < rules; k++) {
            int chain = Math.min(chains - 1, k / perChain);
            int shown = k % 50 == 49 ? k - 1 : k; // every 50th rule repeats the one before it
            String r = "set firewall ipv4 name C" + chain + " rule " + (k % perChain + 1) + " ";
            out.append(r)
                    .append("action '")
                    .append(shown % 4 == 0 ? "drop" : "accept")
                    .append("'\n");
            out.append(r).append("protocol 'tcp'\n");
            out.append(r)
                    .append("destination port '")
                    .append(1024 + shown % 60_000)
                    .append("'\n");
            out.append(r)
                    .append("destination group address-group 'A")
                    .append(shown % GROUPS)
                    .append("'\n");
            out.append(r)
                    .append("source group network-group 'N")
                    .append(shown * 7 % GROUPS)
                    .append("'\n");
        }
        return out.toString();
    }
}
