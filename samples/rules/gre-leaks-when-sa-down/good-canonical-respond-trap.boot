/*
 * Negative (VyOS 1.4): canonical GRE/IPsec with /32 GRE selectors and connection-type respond toward a known
 * remote-address, which renders start_action = trap. With the SA down the trap policy still matches GRE to
 * 203.0.113.20: the packet is dropped and IKE is started, nothing leaves in cleartext. No findings.
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
        encapsulation gre
        remote 203.0.113.20
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
    }
}
system {
    host-name east
    time-zone UTC
}
vpn {
    ipsec {
        authentication {
            psk PARTNER {
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
            peer PARTNER {
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
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@8:dhcpv6-server@1:dns-dynamic@4:dns-forwarding@4:firewall@15:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.4.0
