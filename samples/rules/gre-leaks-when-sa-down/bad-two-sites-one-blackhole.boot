/*
 * Positive (VyOS 1.5): a hub with the dummy-address design to two branches. GRE runs from dum0 10.10.0.1 to
 * 10.10.0.2 (tun0, BRANCH1) and to 10.10.0.3 (tun1, BRANCH2); each peer's tunnel 1 selects exactly those /32s
 * and both peers initiate. When BRANCH2 was added, its blackhole route was forgotten: with BRANCH2's SA down,
 * strongSwan's table-220 route to 10.10.0.3 is gone and the default route carries tun1's GRE out of eth0 in
 * cleartext (gre-leaks-when-sa-down on tun1, tunnel-traffic-leaks-when-sa-down on BRANCH2's tunnel 1).
 * tun0 is guarded by its blackhole for 10.10.0.2/32 and is not reported.
 */

interfaces {
    dummy dum0 {
        address 10.10.0.1/32
    }
    ethernet eth0 {
        address 192.0.2.10/24
        description WAN
    }
    ethernet eth1 {
        address 192.168.20.1/24
        description LAN
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.1/30
        description "GRE to branch 1"
        encapsulation gre
        mtu 1400
        remote 10.10.0.2
        source-address 10.10.0.1
    }
    /* EXPECT: gre-leaks-when-sa-down */
    tunnel tun1 {
        address 10.0.0.5/30
        description "GRE to branch 2"
        encapsulation gre
        mtu 1400
        remote 10.10.0.3
        source-address 10.10.0.1
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 192.0.2.1 {
            }
        }
        route 10.10.0.2/32 {
            blackhole {
                distance 254
            }
        }
        route 192.168.30.0/24 {
            interface tun0 {
            }
        }
        route 192.168.40.0/24 {
            interface tun1 {
            }
        }
    }
}
system {
    host-name hub
    time-zone UTC
}
vpn {
    ipsec {
        authentication {
            psk BRANCH1 {
                id 192.0.2.10
                id 203.0.113.20
                secret s3cret-gre
            }
            psk BRANCH2 {
                id 192.0.2.10
                id 198.51.100.30
                secret s3cret-gre2
            }
        }
        esp-group ESP-AES256 {
            lifetime 3600
            mode tunnel
            pfs dh-group14
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-AES256 {
            close-action none
            key-exchange ikev2
            lifetime 28800
            proposal 1 {
                dh-group 14
                encryption aes256
                hash sha256
            }
        }
        interface eth0
        site-to-site {
            peer BRANCH1 {
                authentication {
                    local-id 192.0.2.10
                    mode pre-shared-secret
                    remote-id 203.0.113.20
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 192.0.2.10
                remote-address 203.0.113.20
                tunnel 1 {
                    local {
                        prefix 10.10.0.1/32
                    }
                    remote {
                        prefix 10.10.0.2/32
                    }
                }
            }
            peer BRANCH2 {
                authentication {
                    local-id 192.0.2.10
                    mode pre-shared-secret
                    remote-id 198.51.100.30
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 192.0.2.10
                remote-address 198.51.100.30
                /* EXPECT: tunnel-traffic-leaks-when-sa-down */
                tunnel 1 {
                    local {
                        prefix 10.10.0.1/32
                    }
                    remote {
                        prefix 10.10.0.3/32
                    }
                }
            }
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@9:dhcpv6-server@5:dns-dynamic@4:dns-forwarding@4:firewall@16:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:reverse-proxy@1:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.5-rolling-202411050007
