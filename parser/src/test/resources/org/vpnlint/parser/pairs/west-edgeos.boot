firewall {
    group {
        network-group PARTNER_NETS {
            description "Networks reached over IPsec"
            network 10.10.10.0/24
            network 10.10.20.0/24
        }
    }
    name WAN_IN {
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
            description "From the tunnel"
            ipsec {
                match-ipsec
            }
            source {
                group {
                    network-group PARTNER_NETS
                }
            }
        }
    }
}
interfaces {
    ethernet eth0 {
        address dhcp
        description Internet
        firewall {
            in {
                name WAN_IN
            }
        }
    }
    ethernet eth1 {
        address 192.168.20.1/24
        description "Local network"
    }
    tunnel tun0 {
        address 10.0.0.2/29
        encapsulation gre
        local-ip 10.10.0.2
        remote-ip 10.10.0.1
    }
}
service {
    nat {
        rule 5000 {
            description "masquerade for WAN"
            outbound-interface eth0
            type masquerade
        }
    }
}
vpn {
    ipsec {
        auto-firewall-nat-exclude enable
        site-to-site {
            peer @east {
                authentication {
                    id @west
                    mode pre-shared-secret
                    pre-shared-secret qwerty
                }
                connection-type respond
                local-address any
                tunnel 1 {
                    local {
                        prefix 10.10.0.2/32
                    }
                    remote {
                        prefix 10.10.0.1/32
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:system@4:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@1:ubnt-util@1:vrrp@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622731.230615.0857 */
