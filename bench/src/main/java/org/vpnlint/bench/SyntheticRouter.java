package org.vpnlint.bench;

/**
 * Writes a synthetic but realistic VyOS 1.4 router as {@code set} commands: a WAN and a LAN interface, a default
 * route, {@code tunnels} policy-based IPsec peers (one CHILD_SA each, distinct local and remote /24s), {@code natRules}
 * source NAT rules (an exclude for every other tunnel's remote prefix, then masquerades and SNATs of distinct LAN /24s,
 * the first of which are the tunnels' own local prefixes, as on a hub that also gives each site Internet access)
 * and {@code firewallRules} forward-filter rules. Every other tunnel lacks its exclude, so the analysis has real
 * findings to prove, as in the field.
 */
public final class SyntheticRouter {

    private SyntheticRouter() {}

    public static String write(int tunnels, int natRules, int firewallRules) {
        StringBuilder out = new StringBuilder(256 * (tunnels + natRules + firewallRules + 10));
        out.append("set system host-name 'bench-")
                .append(tunnels)
                .append('-')
                .append(natRules)
                .append("'\n");
        out.append("set interfaces ethernet eth0 address '203.0.113.1/24'\n");
        out.append("set interfaces ethernet eth1 address '10.0.0.1/8'\n");
        out.append("set protocols static route 0.0.0.0/0 next-hop '203.0.113.254'\n");
        out.append("set vpn ipsec interface 'eth0'\n");
        out.append("set vpn ipsec ike-group IKE key-exchange 'ikev2'\n");
        out.append("set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'\n");
        out.append("set vpn ipsec ike-group IKE proposal 1 hash 'sha256'\n");
        out.append("set vpn ipsec ike-group IKE proposal 1 dh-group '14'\n");
        out.append("set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'\n");
        out.append("set vpn ipsec esp-group ESP proposal 1 hash 'sha256'\n");
        for (int i = 0; i < tunnels; i++) {
            String peer = "site" + i;
            String p = "set vpn ipsec site-to-site peer " + peer + " ";
            out.append(p).append("remote-address '").append(publicAddress(i)).append("'\n");
            out.append(p).append("local-address '203.0.113.1'\n");
            out.append(p).append("authentication mode 'pre-shared-secret'\n");
            out.append(p).append("ike-group 'IKE'\n");
            out.append(p).append("default-esp-group 'ESP'\n");
            out.append(p)
                    .append("tunnel 1 local prefix '")
                    .append(localPrefix(i))
                    .append("'\n");
            out.append(p)
                    .append("tunnel 1 remote prefix '")
                    .append(remotePrefix(i))
                    .append("'\n");
        }
        int rule = 1;
        for (int i = 0; i < tunnels && rule <= natRules; i += 2, rule++) {
            String r = "set nat source rule " + rule + " ";
            out.append(r).append("outbound-interface name 'eth0'\n");
            out.append(r)
                    .append("destination address '")
                    .append(remotePrefix(i))
                    .append("'\n");
            out.append(r).append("exclude\n");
        }
        for (int n = 0; rule <= natRules; n++, rule++) {
            String r = "set nat source rule " + (1000 + n) + " ";
            out.append(r).append("outbound-interface name 'eth0'\n");
            out.append(r).append("source address '").append(localPrefix(n)).append("'\n");
            if (n % 2 == 0) {
                out.append(r).append("translation address 'masquerade'\n");
            } else {
                out.append(r).append("protocol 'tcp'\n");
                out.append(r)
                        .append("destination port '")
                        .append(1024 + n % 60000)
                        .append("'\n");
                out.append(r)
                        .append("translation address '203.0.113.")
                        .append(2 + n % 250)
                        .append("'\n");
            }
        }
        out.append("set firewall ipv4 forward filter default-action 'accept'\n");
        for (int k = 1; k <= firewallRules; k++) {
            String r = "set firewall ipv4 forward filter rule " + k + " ";
            out.append(r)
                    .append("action '")
                    .append(k % 3 == 0 ? "drop" : "accept")
                    .append("'\n");
            out.append(r).append("protocol 'tcp'\n");
            out.append(r).append("destination port '").append(1 + k % 65000).append("'\n");
            out.append(r)
                    .append("source address '10.")
                    .append(k % 256)
                    .append('.')
                    .append(k / 256 % 256)
                    .append(".0/24'\n");
        }
        return out.toString();
    }

    /** Peer i's public address, spread over 198.51.100.0/24 and onwards in 198.18.0.0/15 (benchmark space). */
    static String publicAddress(int i) {
        return "198." + (18 + i / 65536) + "." + (i / 256 % 256) + "." + (i % 256);
    }

    /** Tunnel i's local /24 inside the LAN 10.0.0.0/8. */
    static String localPrefix(int i) {
        return "10." + (i / 256 % 256) + "." + (i % 256) + ".0/24";
    }

    /** Tunnel i's remote /24 inside 172.16.0.0/12. */
    static String remotePrefix(int i) {
        return "172." + (16 + i / 256 % 16) + "." + (i % 256) + ".0/24";
    }
}
