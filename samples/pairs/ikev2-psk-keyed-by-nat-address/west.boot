/*
 * Pair, west (VyOS 1.4, IKEv2), behind NAT (eth0 10.0.1.2, public 198.51.100.20), no local-id: its identity is
 * the private 10.0.1.2 (behind-nat-default-id, whatever the IKE version). Its own PSK is keyed by east's
 * address and remote-id 203.0.113.1 matches what east sends. It initiates; the blackhole route keeps its
 * SA-down case quiet.
 */

interfaces {
    ethernet eth0 {
        address 10.0.1.2/24
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
            next-hop 10.0.1.1 {
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
        authentication {
            psk EAST {
                id 203.0.113.1
                secret s3cret-four
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
            /* EXPECT: behind-nat-default-id */
            peer EAST {
                authentication {
                    mode pre-shared-secret
                    remote-id 203.0.113.1
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 10.0.1.2
                remote-address 203.0.113.1
                tunnel 1 {
                    local {
                        prefix 10.10.10.0/24
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
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@8:dhcpv6-server@1:dns-dynamic@4:dns-forwarding@4:firewall@15:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.4.0
