/*
 * Seed: the dummy-address GRE/IPsec design, West side (VyOS 1.2); the article shows only East, this is its
 * mirror. West has a public address, initiates to East's NAT address 203.0.113.30 and names both identities
 * (@west sent, @east expected). GRE 10.10.0.2 -> 10.10.0.1 matches tunnel 1 (10.10.0.2/32 <-> 10.10.0.1/32).
 * West initiates (start_action start, no trap), so when the SA is down the policy is gone; the blackhole route
 * for 10.10.0.1/32 stops GRE from following the default route in cleartext. Checked together with east.boot.
 * No findings.
 */

interfaces {
    dummy dum0 {
        address 10.10.0.2/32
    }
    ethernet eth0 {
        address 198.51.100.40/24
        description WAN
    }
    ethernet eth1 {
        address 192.168.50.1/24
        description LAN
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.2/29
        encapsulation gre
        local-ip 10.10.0.2
        multicast disable
        remote-ip 10.10.0.1
    }
}
nat {
    source {
        rule 100 {
            outbound-interface eth0
            source {
                address 192.168.50.0/24
            }
            translation {
                address masquerade
            }
        }
    }
}
protocols {
    static {
        interface-route 192.168.40.0/24 {
            next-hop-interface tun0 {
            }
        }
        route 0.0.0.0/0 {
            next-hop 198.51.100.1 {
            }
        }
        route 10.10.0.1/32 {
            blackhole {
                distance 254
            }
        }
    }
}
system {
    host-name west
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
            peer 203.0.113.30 {
                authentication {
                    id @west
                    mode pre-shared-secret
                    pre-shared-secret s3cret-gre
                    remote-id @east
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 198.51.100.40
                tunnel 1 {
                    local {
                        prefix 10.10.0.2/32
                    }
                    remote {
                        prefix 10.10.0.1/32
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
