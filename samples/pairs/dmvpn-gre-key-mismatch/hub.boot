/* Pair, hub (VyOS 1.4, curly): a DMVPN hub on 198.51.100.41 with multipoint GRE tun0 (tunnel address 10.0.0.1,
   GRE key 1), NHRP and the IPsec profile NHRPVPN (IKEv1, transport mode). Its spoke uses GRE key 2, so the hub's
   kernel drops every GRE packet of the spoke (dmvpn-hub-spoke-mismatch, reported at the spoke's map). */
interfaces {
    ethernet eth0 {
        address 198.51.100.41/24
    }
    ethernet eth1 {
        address 192.168.1.1/24
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.1/24
        encapsulation gre
        multicast enable
        parameters {
            ip {
                key 1
            }
        }
        source-address 198.51.100.41
    }
}
protocols {
    nhrp {
        tunnel tun0 {
            cisco-authentication nhrp-s3cret
            holding-time 300
            multicast dynamic
            redirect
            shortcut
        }
    }
    static {
        route 0.0.0.0/0 {
            next-hop 198.51.100.1 {
            }
        }
    }
}
system {
    host-name hub
}
vpn {
    ipsec {
        esp-group ESP-DMVPN {
            lifetime 1800
            mode transport
            pfs dh-group14
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-DMVPN {
            key-exchange ikev1
            lifetime 3600
            proposal 1 {
                dh-group 14
                encryption aes256
                hash sha256
            }
        }
        interface eth0
        profile NHRPVPN {
            authentication {
                mode pre-shared-secret
                pre-shared-secret s3cret-dmvpn
            }
            bind {
                tunnel tun0
            }
            esp-group ESP-DMVPN
            ike-group IKE-DMVPN
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@8:dhcpv6-server@1:dns-dynamic@4:dns-forwarding@4:firewall@15:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.4.0
