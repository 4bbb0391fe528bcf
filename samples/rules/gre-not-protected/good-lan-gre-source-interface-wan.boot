/*
 * Negative (VyOS 1.5): GRE carried inside a LAN-to-LAN policy tunnel (192.168.20.0/24 <-> 192.168.30.0/24) to run
 * OSPF between the sites. tun0 goes to the partner's LAN gateway 192.168.30.1 and names its underlay by
 * `source-interface eth0` (the WAN) instead of a source address. VyOS renders that as `dev eth0` without `local`,
 * so the kernel takes the GRE source from the route to 192.168.30.1, not from eth0: with the SA up, strongSwan's
 * table-220 route "192.168.30.0/24 dev eth0 src 192.168.20.1" makes it 192.168.20.1 -> 192.168.30.1, inside the
 * selectors, and it is encrypted, although eth0's own address 192.0.2.10 is outside the local selector. With the
 * SA down the lookup meets the blackhole for 192.168.30.0/24 (bound to eth0, IPv4 then assumes the remote on link
 * there and only ARPs for it on the WAN segment, where nothing answers). The LAN masquerade has its exclude.
 * No findings.
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
        description "OSPF to site B, inside IPsec"
        encapsulation gre
        mtu 1400
        remote 192.168.30.1
        source-interface eth0
    }
}
nat {
    source {
        rule 10 {
            destination {
                address 192.168.30.0/24
            }
            exclude
            outbound-interface {
                name eth0
            }
            source {
                address 192.168.20.0/24
            }
        }
        rule 100 {
            outbound-interface {
                name eth0
            }
            source {
                address 192.168.20.0/24
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
            next-hop 192.0.2.1 {
            }
        }
        route 192.168.30.0/24 {
            blackhole {
                distance 254
            }
        }
    }
}
system {
    host-name site-a
    time-zone UTC
}
vpn {
    ipsec {
        authentication {
            psk SITE-B {
                id 192.0.2.10
                id 203.0.113.20
                secret s3cret-gre
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
            peer SITE-B {
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
                        prefix 192.168.20.0/24
                    }
                    remote {
                        prefix 192.168.30.0/24
                    }
                }
            }
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@9:dhcpv6-server@5:dns-dynamic@4:dns-forwarding@4:firewall@16:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:reverse-proxy@1:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.5-rolling-202411050007
