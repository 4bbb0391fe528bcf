/*
 * Positive (VyOS 1.3, config.boot): `policy route` bound with `interfaces ethernet eth1 policy route`, as
 * vyatta-cfg-firewall renders it (iptables mangle PREROUTING, a mark and `ip rule pref 10 fwmark ... table 10`).
 * Table 10's default route leads out eth2, so while the SA is down (its policies removed) the marked packet skips
 * the main table's blackhole and rule 20 masquerades it out of eth2 in cleartext. With the SA up it is encrypted:
 * the SA's bundle, whose device is the tunnel's eth0, becomes its route, so eth2's rule 20 never sees it.
 */

interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        description WAN1
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
        policy {
            route LAN-TO-WAN2
        }
    }
    ethernet eth2 {
        address 198.51.100.10/24
        description WAN2
    }
}
nat {
    source {
        rule 5 {
            destination {
                address 10.10.10.0/24
            }
            exclude
            outbound-interface eth0
        }
        rule 10 {
            outbound-interface eth0
            translation {
                address masquerade
            }
        }
        rule 20 {
            outbound-interface eth2
            translation {
                address masquerade
            }
        }
    }
}
policy {
    route LAN-TO-WAN2 {
        rule 10 {
            set {
                table 10
            }
            source {
                address 192.168.10.0/24
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
        route 10.10.10.0/24 {
            blackhole {
                distance 254
            }
        }
        table 10 {
            route 0.0.0.0/0 {
                next-hop 198.51.100.1 {
                }
            }
        }
    }
}
system {
    host-name branch
}
vpn {
    ipsec {
        esp-group ESP {
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE {
            key-exchange ikev2
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
                default-esp-group ESP
                ike-group IKE
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
// Warning: Do not remove the following line.
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@3:conntrack-sync@2:dhcp-relay@2:dhcp-server@6:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1"
// Release version: 1.3.8
