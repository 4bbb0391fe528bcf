/*
 * Seed: "Setting up GRE/IPsec behind NAT", the dummy-address design, East side (VyOS 1.2), completed. East
 * sits behind 1:1 NAT (eth0 172.31.10.5, public 203.0.113.30) and accepts West by identity (peer @west,
 * connection-type respond, as in the article). GRE runs between the dummies 10.10.0.1 and 10.10.0.2 and IPsec
 * tunnel 1 protects exactly 10.10.0.1/32 <-> 10.10.0.2/32; while the SA is up strongSwan's table 220 route to
 * 10.10.0.2 (src 10.10.0.1, on dum0) carries the GRE packets into the policy. SA down: a peer keyed by @id has
 * remote address %any, so "respond" cannot install trap policies (VyOS renders auto=add); the policies are
 * simply gone. The article says 10.10.0.2 then becomes unreachable, but this router needs a default route,
 * which would carry GRE to 10.10.0.2 out of eth0 in cleartext. The blackhole route for 10.10.0.2/32 makes the
 * article's claim true. Checked together with west.boot: ids, proposals, PSK and selectors agree and West
 * initiates. No findings.
 */

interfaces {
    dummy dum0 {
        address 10.10.0.1/32
    }
    ethernet eth0 {
        address 172.31.10.5/24
        description "WAN behind 1:1 NAT"
    }
    ethernet eth1 {
        address 192.168.40.1/24
        description LAN
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.1/29
        encapsulation gre
        local-ip 10.10.0.1
        multicast disable
        remote-ip 10.10.0.2
    }
}
nat {
    source {
        rule 100 {
            outbound-interface eth0
            source {
                address 192.168.40.0/24
            }
            translation {
                address masquerade
            }
        }
    }
}
protocols {
    static {
        interface-route 192.168.50.0/24 {
            next-hop-interface tun0 {
            }
        }
        route 0.0.0.0/0 {
            next-hop 172.31.10.1 {
            }
        }
        route 10.10.0.2/32 {
            blackhole {
                distance 254
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
        nat-traversal enable
        site-to-site {
            peer @west {
                authentication {
                    id @east
                    mode pre-shared-secret
                    pre-shared-secret s3cret-gre
                }
                connection-type respond
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 172.31.10.5
                tunnel 1 {
                    local {
                        prefix 10.10.0.1/32
                    }
                    remote {
                        prefix 10.10.0.2/32
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
