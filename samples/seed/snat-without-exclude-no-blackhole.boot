/*
 * Seed: the article's first config (VyOS 1.2) as most routers really have it: no blackhole route. Two
 * problems. With the SA up, rule 10 SNATs 192.168.10.100 -> 10.10.10.200 to 203.0.113.134, so the packet no
 * longer matches tunnel 1 and leaves eth0 in cleartext. With the SA down (initiate = strongSwan start_action
 * start, close-action none, no DPD: the CHILD_SA's policies are deleted with it), the packet follows the
 * default route to eth0 and leaves in cleartext anyway.
 */

interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        description WAN
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
    }
    loopback lo {
    }
}
nat {
    source {
        /* EXPECT: snat-captures-tunnel-traffic */
        rule 10 {
            outbound-interface eth0
            source {
                address 192.168.10.0/24
            }
            translation {
                address 203.0.113.134
            }
        }
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 203.0.113.1 {
            }
        }
    }
}
system {
    host-name vyos
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
            peer 192.0.2.150 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-one
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 203.0.113.134
                /* EXPECT: tunnel-traffic-leaks-when-sa-down */
                tunnel 1 {
                    local {
                        prefix 192.168.10.0/24
                    }
                    remote {
                        prefix 10.10.10.0/24
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
