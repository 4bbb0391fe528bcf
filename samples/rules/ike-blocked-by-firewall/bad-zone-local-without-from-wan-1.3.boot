/*
 * Positive (VyOS 1.3, curly, zone policy): the router only responds to the partner 192.0.2.150 on eth0, which is
 * the WAN zone. The LOCAL zone (the router itself) filters traffic from LAN but has no 'from WAN', so the
 * partner's IKE_SA_INIT (udp 500), NAT-T (udp 4500) and ESP to 203.0.113.134 meet the LOCAL zone's default drop
 * and the tunnel never comes up. respond = trap, so the SA-down case is quiet.
 */
firewall {
    name LAN-LOCAL {
        default-action accept
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
    }
    ethernet eth1 {
        address 192.168.10.1/24
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 203.0.113.1 {
            }
        }
    }
}
vpn {
    ipsec {
        esp-group ESP-AES256 {
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-AES256 {
            key-exchange ikev2
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
            peer 192.0.2.150 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-one
                }
                connection-type respond
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 203.0.113.134
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
zone-policy {
    zone LAN {
        default-action drop
        from LOCAL {
        }
        interface eth1
    }
    zone LOCAL {
        /* EXPECT: ike-blocked-by-firewall */
        default-action drop
        from LAN {
            firewall {
                name LAN-LOCAL
            }
        }
        local-zone
    }
    zone WAN {
        default-action drop
        interface eth0
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@1:conntrack-sync@1:dhcp-relay@2:dhcp-server@5:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1"
// Release version: 1.3.8
