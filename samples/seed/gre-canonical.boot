/*
 * Seed: "Setting up GRE/IPsec behind NAT", the canonical GRE/IPsec setup (VyOS 1.2), completed. tun0 runs GRE
 * between the public endpoints 192.0.2.10 and 203.0.113.20; IPsec tunnel 1 says `protocol gre` but has no
 * prefixes, so VyOS renders no traffic selector: the CHILD_SA covers all traffic between the two endpoints,
 * not only GRE (protocol-selector-ignored). The peer initiates (start_action start, no DPD, close-action
 * none): when the SA dies its policies go, and GRE to 203.0.113.20 follows the default route out of eth0 in
 * cleartext (gre-leaks-when-sa-down on tun0, the article's "may expose the GRE traffic"). The same applies to
 * everything else tunnel 1 covers; no blackhole can help because the remote selector is the peer's own address
 * (tunnel-traffic-leaks-when-sa-down).
 */

interfaces {
    ethernet eth0 {
        address 192.0.2.10/24
        description WAN
    }
    ethernet eth1 {
        address 192.168.20.1/24
        description LAN
    }
    loopback lo {
    }
    /* EXPECT: gre-leaks-when-sa-down */
    tunnel tun0 {
        address 10.0.0.2/29
        encapsulation gre
        local-ip 192.0.2.10
        multicast disable
        remote-ip 203.0.113.20
    }
}
protocols {
    static {
        interface-route 192.168.30.0/24 {
            next-hop-interface tun0 {
            }
        }
        route 0.0.0.0/0 {
            next-hop 192.0.2.1 {
            }
        }
    }
}
system {
    host-name east
    time-zone UTC
}
vpn {
    ipsec {
        esp-group ESP-AES256 {
            compression disable
            lifetime 3600
            mode tunnel
            pfs enable
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-AES256 {
            ikev2-reauth no
            key-exchange ikev2
            lifetime 28800
            proposal 1 {
                dh-group 14
                encryption aes256
                hash sha256
            }
        }
        ipsec-interfaces {
            interface eth0
        }
        site-to-site {
            peer 203.0.113.20 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-gre
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 192.0.2.10
                /* EXPECT: protocol-selector-ignored */
                /* EXPECT: tunnel-traffic-leaks-when-sa-down */
                tunnel 1 {
                    protocol gre
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
