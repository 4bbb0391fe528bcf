/*
 * Negative (VyOS 1.5, curly, zone firewall): the port forward of 443 to 192.168.10.20 is opened in WAN-DMZ, the
 * ruleset for traffic from the WAN zone (eth0) into the DMZ zone (eth2), by the translated address, which is what
 * the zone chain sees. Traffic between the DMZ's own interfaces is dropped (intra-zone-filtering), and the router's
 * own traffic to the WAN runs through LOCAL-WAN.
 */
firewall {
    ipv4 {
        name LOCAL-WAN {
            default-action accept
        }
        name WAN-DMZ {
            default-action drop
            rule 10 {
                action accept
                state established
                state related
            }
            rule 20 {
                action accept
                destination {
                    address 192.168.10.20
                    port 443
                }
                protocol tcp
            }
        }
    }
    zone DMZ {
        default-action drop
        from WAN {
            firewall {
                name WAN-DMZ
            }
        }
        interface eth2
        interface eth3
        intra-zone-filtering {
            action drop
        }
    }
    zone LOCAL {
        default-action drop
        local-zone
    }
    zone WAN {
        default-action drop
        from LOCAL {
            firewall {
                name LOCAL-WAN
            }
        }
        interface eth0
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
    }
    ethernet eth2 {
        address 192.168.10.1/24
    }
    ethernet eth3 {
        address 192.168.11.1/24
    }
}
nat {
    destination {
        rule 10 {
            destination {
                address 203.0.113.134
                port 443
            }
            inbound-interface {
                name eth0
            }
            protocol tcp
            translation {
                address 192.168.10.20
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
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@9:dhcpv6-server@5:dns-dynamic@4:dns-forwarding@4:firewall@16:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:reverse-proxy@1:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.5-rolling-202411050007
