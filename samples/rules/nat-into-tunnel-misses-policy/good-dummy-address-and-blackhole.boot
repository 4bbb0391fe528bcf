/*
 * Negative (VyOS 1.4): the "NAT before VPN" pattern of the VyOS docs. 172.16.17.45/32 is also put on dum0, so
 * strongSwan has a local address inside the local selector and installs its table 220 route for 10.10.10.55
 * while the SA is up. The peer initiates (no trap), so the blackhole route for 10.10.10.55/32 drops the
 * translated traffic while the SA is down; with it up, table 220 is consulted first. Rule 10 has no
 * outbound-interface, which from 1.4 means any interface. No findings.
 */

interfaces {
    dummy dum0 {
        address 172.16.17.45/32
    }
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
            inbound-interface {
                name eth0
            }
            translation {
                address 192.168.10.45
            }
        }
    }
    source {
        rule 10 {
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
            outbound-interface {
                name eth0
            }
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
        route 10.10.10.55/32 {
            blackhole {
                distance 254
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
        authentication {
            psk PARTNER {
                id 203.0.113.134
                id 192.0.2.150
                secret s3cret-one
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
            peer PARTNER {
                authentication {
                    local-id 203.0.113.134
                    mode pre-shared-secret
                    remote-id 192.0.2.150
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 203.0.113.134
                remote-address 192.0.2.150
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
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@8:dhcpv6-server@1:dns-dynamic@4:dns-forwarding@4:firewall@15:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.4.0
