/* VyOS 1.3 DMVPN spoke (curly) with its IPsec profile bound to the multipoint GRE tunnel: strongSwan selects GRE
   between the spoke and each NHRP peer, so gre-not-protected does not report it (compare
   bad-dmvpn-spoke-profile-not-bound.set). */
interfaces {
    ethernet eth0 {
        address 203.0.113.30/24
    }
    ethernet eth1 {
        address 192.168.30.1/24
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.30/24
        encapsulation gre
        multicast enable
        parameters {
            ip {
                key 1
            }
        }
        source-address 203.0.113.30
    }
}
protocols {
    nhrp {
        tunnel tun0 {
            cisco-authentication nhrp-s3cret
            holding-time 300
            map 10.0.0.1/24 {
                nbma-address 198.51.100.41
                register
            }
            multicast nhs
            redirect
            shortcut
        }
    }
    static {
        route 0.0.0.0/0 {
            next-hop 203.0.113.1 {
            }
        }
    }
}
system {
    host-name spoke30
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
        ipsec-interfaces {
            interface eth0
        }
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
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@3:conntrack-sync@2:dhcp-relay@2:dhcp-server@6:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1"
// Release version: 1.3.8
