/*
 * Pair, west (VyOS 1.3): tunnel 1 local prefix 10.10.20.0/24 where its LAN (and east's remote prefix) is
 * 10.10.10.0/24. It initiates; the blackhole route for 192.168.10.0/24 keeps its SA-down case quiet. (Its LAN
 * address is not inside 10.10.20.0/24, so strongSwan would not install a table 220 route either.)
 */

interfaces {
    ethernet eth0 {
        address 198.51.100.2/24
        description WAN
    }
    ethernet eth1 {
        address 10.10.10.1/24
        description LAN
    }
    loopback lo {
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 198.51.100.1 {
            }
        }
        route 192.168.10.0/24 {
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
            peer 203.0.113.1 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-one
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 198.51.100.2
                tunnel 1 {
                    local {
                        prefix 10.10.20.0/24
                    }
                    remote {
                        prefix 192.168.10.0/24
                    }
                }
            }
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@3:conntrack-sync@2:dhcp-relay@2:dhcp-server@6:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1"
// Release version: 1.3.8
