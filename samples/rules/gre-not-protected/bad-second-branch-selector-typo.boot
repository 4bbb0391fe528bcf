/*
 * Positive (VyOS 1.4): a hub with canonical GRE/IPsec to two branches, each peer with a tunnel 1 that selects
 * its GRE packets by the endpoints' /32s and protocol gre. BRANCH1 is right (192.0.2.10/32 <-> 203.0.113.20/32,
 * tun0). BRANCH2's selector was typed as 198.51.100.3/32 instead of 198.51.100.30/32, so tun1's GRE
 * (192.0.2.10 -> 198.51.100.30) matches no policy and leaves eth0 in cleartext even with both SAs up. tun0 is
 * protected and not reported. Both peers respond toward a known address (trap), so nothing else leaks.
 */

interfaces {
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
        remote 203.0.113.20
        source-address 192.0.2.10
    }
    /* EXPECT: gre-not-protected */
    tunnel tun1 {
        address 10.0.0.5/30
        description "GRE to branch 2"
        encapsulation gre
        mtu 1400
        remote 198.51.100.30
        source-address 192.0.2.10
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 192.0.2.1 {
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
                connection-type respond
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 192.0.2.10
                remote-address 203.0.113.20
                tunnel 1 {
                    local {
                        prefix 192.0.2.10/32
                    }
                    protocol gre
                    remote {
                        prefix 203.0.113.20/32
                    }
                }
            }
            peer BRANCH2 {
                authentication {
                    local-id 192.0.2.10
                    mode pre-shared-secret
                    remote-id 198.51.100.30
                }
                connection-type respond
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 192.0.2.10
                remote-address 198.51.100.30
                tunnel 1 {
                    local {
                        prefix 192.0.2.10/32
                    }
                    protocol gre
                    remote {
                        prefix 198.51.100.3/32
                    }
                }
            }
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@8:dhcpv6-server@1:dns-dynamic@4:dns-forwarding@4:firewall@15:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.4.0
