/*
 * Positive (EdgeOS): a DMVPN spoke whose multipoint GRE tunnel tun0 (gre-multipoint) registers with the hub
 * 198.51.100.41, but no `vpn ipsec profile` is bound to tun0. No IPsec policy selects GRE to the hub, so the GRE
 * packets, and everything routed over tun0, leave eth0 in cleartext (gre-not-protected, at the tunnel interface).
 * The profile syntax of EdgeOS is not checked by vpnlint, so no fix is offered.
 */
interfaces {
    ethernet eth0 {
        address 203.0.113.10/24
    }
    ethernet eth1 {
        address 192.168.10.1/24
    }
    /* EXPECT: gre-not-protected */
    tunnel tun0 {
        address 10.0.0.10/24
        encapsulation gre-multipoint
        local-ip 203.0.113.10
        multicast enable
        parameters {
            ip {
                key 1
            }
        }
    }
}
protocols {
    nhrp {
        tunnel tun0 {
            holding-time 300
            map 10.0.0.1/24 {
                nbma-address 198.51.100.41
                register
            }
            multicast nhs
        }
    }
    static {
        route 0.0.0.0/0 {
            next-hop 203.0.113.1 {
            }
        }
    }
}
system {
    host-name spoke10
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@5:ubnt-l2tp@1:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-util@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622762.230615.1131 */
