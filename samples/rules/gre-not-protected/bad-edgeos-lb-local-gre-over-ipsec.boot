/*
 * Positive (EdgeOS): GRE over IPsec (tun0, 203.0.113.134 -> 192.0.2.150, selected by tunnel 1 with protocol gre) on
 * a dual-WAN EdgeRouter whose load-balance group WLB has `lb-local enable`: the router's own connections are
 * balanced over eth0 and eth2 too (modelled as the Vyatta load balancer EdgeOS forked does it: marked in mangle
 * OUTPUT and routed again by the chosen WAN's table). The `modify table main` exemption for the peer in BALANCE
 * does not help: a modify ruleset runs on the interface it is bound to (`in` on eth1), never for the router's own
 * packets. Given eth2, tun0's packets leave eth2, rule 5020 masquerades them to 198.51.100.10, and the lookup after
 * source NAT finds no policy: cleartext. Keeping lb-local disabled (the default) avoids it.
 */

firewall {
    modify BALANCE {
        rule 10 {
            action modify
            destination {
                address 192.0.2.150/32
            }
            modify {
                table main
            }
        }
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
    /* EXPECT: gre-not-protected */
    tunnel tun0 {
        address 10.255.0.1/30
        encapsulation gre
        local-ip 203.0.113.134
        remote-ip 192.0.2.150
    }
}
load-balance {
    group WLB {
        interface eth0 {
        }
        interface eth2 {
        }
        lb-local enable
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 203.0.113.1 {
            }
        }
        interface-route 10.20.0.0/16 {
            next-hop-interface tun0 {
            }
        }
    }
}
service {
    nat {
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
            mode transport
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
                connection-type respond
                default-esp-group ESP
                ike-group IKE
                local-address 203.0.113.134
                tunnel 1 {
                    local {
                        prefix 203.0.113.134/32
                    }
                    protocol gre
                    remote {
                        prefix 192.0.2.150/32
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@5:ubnt-l2tp@1:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-util@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622762.230615.1131 */
