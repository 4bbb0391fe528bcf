/*
 * Positive (VyOS 1.2): the article's trick with a typo. Rule 10 translates 192.168.10.45 -> 10.10.10.55 to
 * 172.16.17.46, but tunnel 1's local selector is 172.16.17.45/32. The lookup after SNAT matches no policy, so
 * the packet leaves eth0 in cleartext with source 172.16.17.46. (The packet before NAT does not match the
 * tunnel either, so this is not snat-captures-tunnel-traffic.) connection-type respond renders a trap policy,
 * so with the SA down the translated packet is dropped (and triggers IKE) instead of leaving in cleartext.
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
                address 172.16.17.46
            }
            inbound-interface any
            translation {
                address 192.168.10.45
            }
        }
    }
    source {
        /* EXPECT: nat-into-tunnel-misses-policy */
        rule 10 {
            destination {
                address 10.10.10.55
            }
            outbound-interface any
            source {
                address 192.168.10.45
            }
            translation {
                address 172.16.17.46
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
    host-name partner-gw
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
