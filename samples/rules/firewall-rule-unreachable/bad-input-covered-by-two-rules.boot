/*
 * Positive (VyOS 1.4, curly): the input filter drops tcp (rule 10) and udp (rule 20) arriving on eth0; rule 30
 * drops tcp and udp port 22 on eth0, which the two earlier rules together already drop.
 */
firewall {
    ipv4 {
        input {
            filter {
                default-action accept
                rule 10 {
                    action drop
                    inbound-interface {
                        name eth0
                    }
                    protocol tcp
                }
                rule 20 {
                    action drop
                    inbound-interface {
                        name eth0
                    }
                    protocol udp
                }
                /* EXPECT: firewall-rule-unreachable */
                rule 30 {
                    action drop
                    destination {
                        port 22
                    }
                    inbound-interface {
                        name eth0
                    }
                    protocol tcp_udp
                }
            }
        }
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
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@8:dhcpv6-server@1:dns-dynamic@4:dns-forwarding@4:firewall@15:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.4.0
