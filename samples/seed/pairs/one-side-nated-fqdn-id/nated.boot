/*
 * Seed: the same article, NATed side (VyOS 1.2), completed: eth0 172.31.5.10 behind NAT, `authentication id
 * @foo` and `local-address any` exactly as the article says. Without the id it would send its private address
 * 172.31.5.10 as its identity; with it the non-NATed side matches peer @foo. This side initiates
 * (connection-type unset = initiate), so the pair has an initiator. SA down: the blackhole route for
 * 10.103.0.0/24 keeps the LAN's traffic from following the default route in cleartext. Checked together with
 * non-nated.boot. No findings.
 */

interfaces {
    ethernet eth0 {
        address 172.31.5.10/20
        description "WAN behind NAT"
    }
    ethernet eth1 {
        address 10.104.0.1/24
        description LAN
    }
    loopback lo {
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 172.31.0.1 {
            }
        }
        route 10.103.0.0/24 {
            blackhole {
                distance 254
            }
        }
    }
}
system {
    host-name nated
    time-zone UTC
}
vpn {
    ipsec {
        esp-group Foo {
            compression disable
            lifetime 3600
            mode tunnel
            pfs enable
            proposal 1 {
                encryption aes128
                hash sha1
            }
        }
        ike-group Foo {
            ikev2-reauth no
            key-exchange ikev1
            lifetime 28800
            proposal 1 {
                dh-group 14
                encryption aes128
                hash sha1
            }
        }
        ipsec-interfaces {
            interface eth0
        }
        nat-traversal enable
        site-to-site {
            peer 203.0.113.1 {
                authentication {
                    id @foo
                    mode pre-shared-secret
                    pre-shared-secret qwerty
                }
                default-esp-group Foo
                ike-group Foo
                local-address any
                tunnel 1 {
                    local {
                        prefix 10.104.0.0/24
                    }
                    remote {
                        prefix 10.103.0.0/24
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
