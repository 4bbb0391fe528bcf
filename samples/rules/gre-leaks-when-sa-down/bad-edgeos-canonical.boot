/*
 * Positive (EdgeOS): canonical GRE/IPsec on EdgeOS with /32 GRE selectors and an initiating peer, DPD action
 * clear. When DPD clears the SA the GRE policy is gone and GRE to 203.0.113.20 follows the default route in
 * cleartext (tun0), with everything else tunnel 1 selected (tunnel 1).
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
    /* EXPECT: gre-leaks-when-sa-down */
    tunnel tun0 {
        address 10.0.0.1/30
        encapsulation gre
        local-ip 192.0.2.10
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
            dead-peer-detection {
                action clear
                interval 30
                timeout 120
            }
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
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@5:ubnt-l2tp@1:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-util@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622762.230615.1131 */
