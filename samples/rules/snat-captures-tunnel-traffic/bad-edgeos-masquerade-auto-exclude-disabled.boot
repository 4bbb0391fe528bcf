/*
 * Positive (EdgeOS): the wizard's `service nat rule 5010` masquerades everything leaving eth0, and
 * `auto-firewall-nat-exclude disable` means EdgeOS adds no exemption for the tunnel. 192.168.10.100 ->
 * 10.10.10.200 is masqueraded and no longer matches tunnel 1. The blackhole route for the remote prefix keeps
 * the SA-down case quiet (dropped, not routed out).
 */

interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        description WAN
        duplex auto
        speed auto
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
        duplex auto
        speed auto
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
    }
}
service {
    gui {
        http-port 80
        https-port 443
    }
    nat {
        /* EXPECT: snat-captures-tunnel-traffic */
        rule 5010 {
            description "masquerade for WAN"
            log disable
            outbound-interface eth0
            protocol all
            type masquerade
        }
    }
    ssh {
        port 22
    }
}
system {
    host-name branch
    time-zone UTC
}
vpn {
    ipsec {
        auto-firewall-nat-exclude disable
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
