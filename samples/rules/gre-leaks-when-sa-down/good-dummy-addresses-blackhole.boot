/*
 * Negative (VyOS 1.3): the dummy-address design with the guard the article's claim needs: a blackhole route
 * for 10.10.0.2/32. While the SA is up table 220 (src 10.10.0.1 on dum0) carries GRE into the policy; while it
 * is down GRE to 10.10.0.2 hits the blackhole and is dropped. No findings.
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
        encapsulation gre
        multicast disable
        remote 10.10.0.2
        source-address 10.10.0.1
    }
}
protocols {
    static {
        interface-route 192.168.30.0/24 {
            next-hop-interface tun0 {
            }
        }
        route 0.0.0.0/0 {
            next-hop 192.0.2.1 {
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
        site-to-site {
            peer 203.0.113.20 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-gre
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 192.0.2.10
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
// Warning: Do not remove the following line.
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@3:conntrack-sync@2:dhcp-relay@2:dhcp-server@6:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1"
// Release version: 1.3.8
