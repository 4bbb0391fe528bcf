/*
 * Negative (EdgeOS): GRE over IPsec in transport mode: esp-group mode transport and `tunnel 1 protocol gre`
 * without prefixes. Unlike tunnel mode, EdgeOS renders transport mode
 * with the protocol applied to the IKE addresses (leftsubnet=192.0.2.10[gre], rightsubnet=203.0.113.20[gre]),
 * so only GRE is protected and nothing is silently widened. The near miss of bad-edgeos-protocol-gre.boot,
 * which is the same router in tunnel mode. connection-type respond keeps a trap policy while the SA is down.
 * No findings.
 */

interfaces {
    ethernet eth0 {
        address 192.0.2.10/24
        description WAN
        duplex auto
        speed auto
    }
    ethernet eth1 {
        address 192.168.20.1/24
        description LAN
        duplex auto
        speed auto
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.1/30
        encapsulation gre
        local-ip 192.0.2.10
        mtu 1400
        multicast disable
        remote-ip 203.0.113.20
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
service {
    gui {
        http-port 80
        https-port 443
    }
    nat {
    }
    ssh {
        port 22
    }
}
system {
    host-name east
    time-zone UTC
}
vpn {
    ipsec {
        esp-group FOO0 {
            compression disable
            lifetime 3600
            mode transport
            pfs enable
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group FOO0 {
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
                connection-type respond
                default-esp-group FOO0
                ike-group FOO0
                local-address 192.0.2.10
                tunnel 1 {
                    protocol gre
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@5:ubnt-l2tp@1:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-util@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622762.230615.1131 */
