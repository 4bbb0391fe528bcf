/*
 * Negative (EdgeOS): ../tunnel-traffic-leaks-when-sa-down/bad-edgeos-modify-to-second-wan.boot with the tunnel's remote prefix exempted first
 * (rule 5, modify table main). The tunnel's traffic stays with table 220 and main: out eth0, excluded from NAT by
 * rule 5000, and blackholed while the SA is down. No findings.
 */

firewall {
    modify LAN-PBR {
        rule 5 {
            action modify
            destination {
                address 10.10.10.0/24
            }
            modify {
                table main
            }
        }
        rule 10 {
            action modify
            modify {
                table 10
            }
            source {
                address 192.168.10.0/24
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
                modify LAN-PBR
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
