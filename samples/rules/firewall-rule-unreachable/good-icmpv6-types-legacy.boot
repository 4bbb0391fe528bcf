/*
 * Negative (VyOS 1.3, curly): the same ICMPv6 rules in the pre-1.4 form, where 'icmpv6 type' takes the
 * ip6tables name (or a number, or type/code). Rule 20 accepts echo requests only; rules 21-24 accept other types.
 */
firewall {
    ipv6-name WAN6_LOCAL {
        default-action drop
        rule 10 {
            action accept
            state {
                established enable
                related enable
            }
        }
        rule 20 {
            action accept
            icmpv6 {
                type echo-request
            }
            protocol icmpv6
        }
        rule 21 {
            action accept
            icmpv6 {
                type neighbor-solicitation
            }
            protocol icmpv6
        }
        rule 22 {
            action accept
            icmpv6 {
                type neighbor-advertisement
            }
            protocol icmpv6
        }
        rule 23 {
            action accept
            icmpv6 {
                type router-advertisement
            }
            protocol icmpv6
        }
        rule 24 {
            action accept
            icmpv6 {
                type 1/4
            }
            protocol icmpv6
        }
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        address 2001:db8:0:1::1/64
        firewall {
            local {
                ipv6-name WAN6_LOCAL
            }
        }
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
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@3:conntrack-sync@2:dhcp-relay@2:dhcp-server@6:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1" === */
/* Release version: 1.3.4 */
