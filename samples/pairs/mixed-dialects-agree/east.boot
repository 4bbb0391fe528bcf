/*
 * Pair across dialects, east (VyOS 1.2, ipsec.conf era): PSK s3cret-seven, IKEv2 aes256/sha256/DH 14, ESP
 * aes256/sha256 with PFS written as dh-group14 (as 1.4 writes it). West runs 1.4 (swanctl era) with the same
 * values in its own syntax. Responds with a trap policy. Checked with west.boot. No findings.
 */

interfaces {
    ethernet eth0 {
        address 203.0.113.1/24
        description WAN
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
    }
    loopback lo {
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 203.0.113.254 {
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
            pfs dh-group14
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
            peer 198.51.100.2 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-seven
                }
                connection-type respond
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 203.0.113.1
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
