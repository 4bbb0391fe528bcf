/*
 * Pair, east (VyOS 1.4, IKEv1), public. It knows west by the NAT's public address 198.51.100.20 and keys the
 * PSK by that address only; remote-id is unset (%any). West sends its private address 10.0.1.2 as identity
 * (see west.boot). IKEv1 Main Mode must pick the PSK before identities are exchanged, so strongSwan looks it
 * up by the peers' addresses as seen on the wire (203.0.113.1 - 198.51.100.20) and finds it; the identity
 * 10.0.1.2 is then accepted by remote-id %any. The tunnel comes up. No finding here. East responds toward a
 * known address, so it keeps a trap policy.
 */

interfaces {
    ethernet eth0 {
        address 203.0.113.1/24
        description WAN
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
    }
    loopback lo {
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 203.0.113.254 {
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
            psk WEST {
                id 198.51.100.20
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
            key-exchange ikev1
            lifetime 28800
            proposal 1 {
                dh-group 14
                encryption aes256
                hash sha256
            }
        }
        interface eth0
        site-to-site {
            peer WEST {
                authentication {
                    mode pre-shared-secret
                }
                connection-type respond
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 203.0.113.1
                remote-address 198.51.100.20
                tunnel 1 {
                    local {
                        prefix 192.168.10.0/24
                    }
                    remote {
                        prefix 10.10.10.0/24
                    }
                }
            }
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@8:dhcpv6-server@1:dns-dynamic@4:dns-forwarding@4:firewall@15:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.4.0
