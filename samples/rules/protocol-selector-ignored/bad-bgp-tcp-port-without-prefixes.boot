/*
 * Positive (VyOS 1.5): the eBGP session to the transit partner 203.0.113.20 is to be encrypted, and only that:
 * tunnel 1 sets `protocol tcp` and `remote port 179`. With no local or remote prefix VyOS writes no
 * local_ts/remote_ts at all, so both the protocol and the port are dropped and strongSwan negotiates
 * 192.0.2.10 <-> 203.0.113.20 with all protocols and ports: every packet between the two routers is tunnelled,
 * not only BGP. connection-type respond toward the known address keeps a trap policy while the SA is down, so
 * nothing leaks; the only finding is the ignored protocol.
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
}
protocols {
    bgp {
        neighbor 203.0.113.20 {
            address-family {
                ipv4-unicast {
                }
            }
            description "transit partner"
            remote-as 65020
        }
        system-as 65010
    }
    static {
        route 0.0.0.0/0 {
            next-hop 192.0.2.1 {
            }
        }
    }
}
system {
    host-name edge
    time-zone UTC
}
vpn {
    ipsec {
        authentication {
            psk PARTNER {
                id 192.0.2.10
                id 203.0.113.20
                secret s3cret-bgp
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
                /* EXPECT: protocol-selector-ignored */
                tunnel 1 {
                    protocol tcp
                    remote {
                        port 179
                    }
                }
            }
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@9:dhcpv6-server@5:dns-dynamic@4:dns-forwarding@4:firewall@16:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:reverse-proxy@1:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.5-rolling-202411050007
