/*
 * Negative (EdgeOS): the fix for bad-edgeos-lans-only-gre-added.set. Next to the LAN tunnel 1, the peer has a
 * tunnel 2 that selects exactly tun0's GRE packets (192.0.2.10/32 <-> 203.0.113.20/32, protocol gre), so OSPF
 * and everything routed over tun0 is encrypted. Because the GRE selector holds the peer's own address (no
 * blackhole possible), the ike-group now keeps trap policies (DPD action hold, close-action hold) so GRE is
 * held rather than sent in cleartext while the SA is down; the LAN prefix keeps its blackhole. No findings.
 */

interfaces {
    ethernet eth0 {
        address 192.0.2.10/24
        description WAN
        duplex auto
        speed auto
    }
    ethernet eth1 {
        address 192.168.20.1/24
        description LAN
        duplex auto
        speed auto
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.1/30
        description "GRE to partner site 2"
        encapsulation gre
        local-ip 192.0.2.10
        mtu 1400
        multicast disable
        remote-ip 203.0.113.20
    }
}
protocols {
    static {
        interface-route 192.168.40.0/24 {
            next-hop-interface tun0 {
            }
        }
        route 0.0.0.0/0 {
            next-hop 192.0.2.1 {
            }
        }
        route 192.168.30.0/24 {
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
        rule 5010 {
            description "masquerade for WAN"
            outbound-interface eth0
            type masquerade
        }
    }
    ssh {
        port 22
    }
}
system {
    host-name east
    time-zone UTC
}
vpn {
    ipsec {
        auto-firewall-nat-exclude enable
        esp-group FOO0 {
            compression disable
            lifetime 3600
            mode tunnel
            pfs enable
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group FOO0 {
            close-action hold
            dead-peer-detection {
                action hold
                interval 30
                timeout 120
            }
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
                default-esp-group FOO0
                ike-group FOO0
                local-address 192.0.2.10
                tunnel 1 {
                    allow-nat-networks disable
                    allow-public-networks disable
                    local {
                        prefix 192.168.20.0/24
                    }
                    remote {
                        prefix 192.168.30.0/24
                    }
                }
                tunnel 2 {
                    allow-nat-networks disable
                    allow-public-networks disable
                    local {
                        prefix 192.0.2.10/32
                    }
                    protocol gre
                    remote {
                        prefix 203.0.113.20/32
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@5:ubnt-l2tp@1:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-util@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622762.230615.1131 */
