package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.List;

/**
 * The branch office the data-path tests start from (WAN eth0 203.0.113.134/24, LAN eth1 192.168.10.1/24, default
 * route, IPsec peer 192.0.2.150, host name): a whole router, to which each test adds the lines its case is about.
 */
final class BranchOffice {

    /** VyOS 1.2 branch office, no tunnel, no NAT yet. */
    static final List<String> BRANCH_1_2 = List.of(
            "set interfaces ethernet eth0 address '203.0.113.134/24'",
            "set interfaces ethernet eth1 address '192.168.10.1/24'",
            "set protocols static route 0.0.0.0/0 next-hop 203.0.113.1",
            "set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'",
            "set vpn ipsec esp-group ESP proposal 1 hash 'sha256'",
            "set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'",
            "set vpn ipsec ike-group IKE proposal 1 hash 'sha256'",
            "set vpn ipsec ike-group IKE key-exchange 'ikev2'",
            "set vpn ipsec ipsec-interfaces interface 'eth0'",
            "set vpn ipsec site-to-site peer 192.0.2.150 authentication mode 'pre-shared-secret'",
            "set vpn ipsec site-to-site peer 192.0.2.150 authentication pre-shared-secret 's3cret-one'",
            "set vpn ipsec site-to-site peer 192.0.2.150 default-esp-group 'ESP'",
            "set vpn ipsec site-to-site peer 192.0.2.150 ike-group 'IKE'",
            "set vpn ipsec site-to-site peer 192.0.2.150 local-address '203.0.113.134'",
            // interfaces and system: a whole router, so the rules may claim that something is absent
            "set system host-name 'branch'");

    /** The first article's tunnel: 192.168.10.0/24 ↔ 10.10.10.0/24. */
    static final List<String> ARTICLE_TUNNEL = List.of(
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '192.168.10.0/24'",
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'");

    private BranchOffice() {}

    /** The base lines followed by the case's own lines, as one command script. */
    @SafeVarargs
    static String script(List<String>... parts) {
        List<String> lines = new ArrayList<>();
        for (List<String> part : parts) lines.addAll(part);
        return String.join("\n", lines) + "\n";
    }
}
