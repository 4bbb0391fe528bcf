/*
 * Positive (VyOS 1.3, curly): the exclude for traffic to 10.10.10.0/24 was numbered 110, after the masquerade
 * rule 100 for the same LAN on the same interface. Rule 100 matches every packet rule 110 would, so the exclude
 * never runs.
 */
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
    }
    ethernet eth1 {
        address 192.168.10.1/24
    }
}
nat {
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
        /* EXPECT: nat-rule-unreachable */
        rule 110 {
            destination {
                address 10.10.10.0/24
            }
            exclude
            outbound-interface eth0
            source {
                address 192.168.10.0/24
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
