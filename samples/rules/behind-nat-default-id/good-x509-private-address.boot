/*
 * Negative (VyOS 1.2): the branch speaks IKE from the private 10.0.1.2 without `authentication id`, like
 * bad-private-local-address-no-id.boot, but authenticates with a certificate (`mode x509`). strongSwan's default
 * identity is then the certificate's subject DN (ipsec.conf leftid defaults to the subject of leftcert), not the
 * IKE address, so the private address is not sent as identity. No findings.
 */

interfaces {
    ethernet eth0 {
        address 10.0.1.2/24
        description WAN
    }
    ethernet eth1 {
        address 10.104.0.1/24
        description LAN
    }
    loopback lo {
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 10.0.1.1 {
            }
        }
        route 10.103.0.0/24 {
            blackhole {
                distance 254
            }
        }
    }
}
system {
    host-name branch
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
        nat-traversal enable
        site-to-site {
            peer 203.0.113.1 {
                authentication {
                    mode x509
                    x509 {
                        ca-cert-file /config/auth/ca.pem
                        cert-file /config/auth/branch.pem
                        key {
                            file /config/auth/branch.key
                        }
                    }
                }
                connection-type initiate
                default-esp-group ESP-AES256
                ike-group IKE-AES256
                local-address 10.0.1.2
                tunnel 1 {
                    local {
                        prefix 10.104.0.0/24
                    }
                    remote {
                        prefix 10.103.0.0/24
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
