/*
 * Positive (EdgeOS): dual-WAN load balancing as the wizard sets it up, without the usual VPN exclusion. The LAN's
 * connections are sent to `load-balance group WLB` by `firewall modify BALANCE rule 70` (bound with `firewall in
 * modify` on eth1). A connection of 192.168.10.0/24 -> 10.10.10.0/24 that the balancer gives eth2 is routed by
 * eth2's table, ahead of main: while the SA is down (its policies removed) that carries it past main's blackhole
 * route, and rule 5020 masquerades it out of eth2 in cleartext. With the SA up the same connection is safe: the
 * SA's bundle becomes its route, whose device is the tunnel's eth0 (the peer routed without the mark), so
 * POSTROUTING sees eth0, where rule 5000 excludes it, and rule 5020 never sees it.
 */

firewall {
    modify BALANCE {
        rule 70 {
            action modify
            modify {
                lb-group WLB
            }
        }
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        description WAN1
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
        firewall {
            in {
                modify BALANCE
            }
        }
    }
    ethernet eth2 {
        address 198.51.100.10/24
        description WAN2
    }
    loopback lo {
    }
}
load-balance {
    group WLB {
        interface eth0 {
        }
        interface eth2 {
        }
        lb-local disable
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
    }
}
service {
    nat {
        rule 5000 {
            destination {
                address 10.10.10.0/24
            }
            exclude
            outbound-interface eth0
            type masquerade
        }
        rule 5010 {
            outbound-interface eth0
            type masquerade
        }
        rule 5020 {
            outbound-interface eth2
            type masquerade
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
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@5:ubnt-l2tp@1:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-util@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622762.230615.1131 */
