/*
 * Seed: "Exploiting the interaction" (VyOS 1.2), completed where the article says [SNIP]. Both sides use
 * 192.168.10.0/24, so our host 192.168.10.45 talks to the partner's 10.10.10.55 as 172.16.17.45. Source rule
 * 10 (outbound-interface any) rewrites 192.168.10.45 -> 172.16.17.45 for destination 10.10.10.55; the policy
 * lookup after SNAT then matches tunnel 1 (172.16.17.45/32 <-> 10.10.10.55/32) and the packet is encrypted.
 * Destination rule 10 maps inbound 172.16.17.45 back to 192.168.10.45 (decrypted packets pass PREROUTING
 * again). Rule 100 masquerades the rest of the LAN; 192.168.10.45 -> 10.10.10.55 hits rule 10 first.
 * connection-type respond renders start_action=trap: with the SA down the trap policy stays, the translated
 * packet is dropped and triggers IKE, nothing leaks. (A blackhole for 10.10.10.55/32 would be wrong here: no
 * router address lies in 172.16.17.45/32, so strongSwan installs no table 220 route and the blackhole would
 * win even with the SA up.) No findings.
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
    destination {
        rule 10 {
            destination {
                address 172.16.17.45
            }
            inbound-interface any
            translation {
                address 192.168.10.45
            }
        }
    }
    source {
        rule 10 {
            outbound-interface any
            destination {
                address 10.10.10.55
            }
            source {
                address 192.168.10.45
            }
            translation {
                address 172.16.17.45
            }
        }
        rule 100 {
            outbound-interface eth0
            source {
                address 192.168.10.0/24
            }
            translation {
                address masquerade
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
                connection-type respond
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 203.0.113.134
                tunnel 1 {
                    local {
                        prefix 172.16.17.45/32
                    }
                    remote {
                        prefix 10.10.10.55/32
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
