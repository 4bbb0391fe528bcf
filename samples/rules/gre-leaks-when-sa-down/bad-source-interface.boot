/*
 * Positive (VyOS 1.3): GRE/IPsec where tun0 names its underlay by interface (`source-interface eth0`) instead of
 * by address. The tunnel then has no fixed local address and the kernel takes the source from the route out of
 * eth0, i.e. eth0's address 192.0.2.10, exactly what tunnel 1 selects
 * (192.0.2.10/32[gre] <-> 203.0.113.20/32[gre]): protected while the SA is up. The peer initiates with no DPD
 * and no close action (auto=start): once the SA is gone, e.g. after the partner rebooted and the rekey failed,
 * there is no policy left and GRE to 203.0.113.20 follows the default route out of eth0 in cleartext. Naming
 * the source by interface changes nothing about that. A blackhole cannot help because 203.0.113.20 must stay
 * routable for IKE, so both the GRE rule (on tun0) and the generic SA-down rule (on tunnel 1) report it.
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
    /* EXPECT: gre-leaks-when-sa-down */
    tunnel tun0 {
        address 10.0.0.1/30
        description "GRE to the partner, over IPsec"
        encapsulation gre
        mtu 1400
        multicast disable
        remote 203.0.113.20
        source-interface eth0
    }
}
protocols {
    static {
        interface-route 192.168.30.0/24 {
            next-hop-interface tun0 {
            }
        }
        route 0.0.0.0/0 {
            next-hop 192.0.2.1 {
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
        esp-group ESP-AES256 {
            compression disable
            lifetime 3600
            mode tunnel
            pfs enable
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-AES256 {
            ikev2-reauth no
            key-exchange ikev2
            lifetime 28800
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
            peer 203.0.113.20 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-gre
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 192.0.2.10
                /* EXPECT: tunnel-traffic-leaks-when-sa-down */
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
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@3:conntrack-sync@2:dhcp-relay@2:dhcp-server@6:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1"
// Release version: 1.3.8
