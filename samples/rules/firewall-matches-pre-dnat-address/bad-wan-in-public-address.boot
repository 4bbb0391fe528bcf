/*
 * Positive (VyOS 1.3, curly): the HTTPS port forward 203.0.113.134:443 -> 192.168.10.20 is opened in WAN_IN
 * (attached as in on eth0) by its public address. Destination NAT has already rewritten the packets when
 * WAN_IN runs, so rule 40 never matches them and the default action drops the forwarded traffic.
 */
firewall {
    name WAN_IN {
        default-action drop
        rule 10 {
            action accept
            state {
                established enable
                related enable
            }
        }
        /* EXPECT: firewall-matches-pre-dnat-address */
        rule 40 {
            action accept
            description "HTTPS to the web server"
            destination {
                address 203.0.113.134
                port 443
            }
            protocol tcp
        }
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        firewall {
            in {
                name WAN_IN
            }
        }
    }
    ethernet eth1 {
        address 192.168.10.1/24
    }
}
nat {
    destination {
        rule 10 {
            description "HTTPS to the web server"
            destination {
                address 203.0.113.134
                port 443
            }
            inbound-interface eth0
            protocol tcp
            translation {
                address 192.168.10.20
            }
        }
    }
    source {
        rule 100 {
            outbound-interface eth0
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
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@1:conntrack-sync@1:dhcp-relay@2:dhcp-server@5:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1"
// Release version: 1.3.8
