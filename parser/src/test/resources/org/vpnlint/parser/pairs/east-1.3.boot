firewall {
    all-ping enable
    name WAN_LOCAL {
        default-action drop
        description "WAN to router"
        rule 10 {
            action accept
            description "IKE and NAT-T from the partner"
            destination {
                port 500,4500
            }
            protocol udp
            source {
                address 192.0.2.150
            }
        }
        rule 20 {
            action accept
            protocol esp
        }
        rule 30 {
            action accept
            state {
                established enable
                related enable
            }
        }
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.2/24
        description "WAN (ISP uplink)"
        firewall {
            local {
                name WAN_LOCAL
            }
        }
    }
    ethernet eth1 {
        address 192.168.10.1/24
        address 2001:db8:10::1/64
        description LAN
    }
    loopback lo {
    }
}
nat {
    source {
        rule 5 {
            destination {
                address 10.10.10.0/24
            }
            exclude
            outbound-interface eth0
        }
        rule 10 {
            outbound-interface eth0
            source {
                address 192.168.10.0/24
            }
            translation {
                address masquerade
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
system {
    host-name east
    name-server 192.0.2.53
    name-server 198.51.100.53
    ntp {
        server 0.pool.ntp.org {
        }
    }
}
vpn {
    ipsec {
        esp-group ESP-PARTNER {
            lifetime 3600
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-PARTNER {
            key-exchange ikev2
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
            peer 192.0.2.150 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret "Jm#Ej BXdk9kUA96!r"
                }
                connection-type initiate
                default-esp-group ESP-PARTNER
                description "Partner HQ"
                ike-group IKE-PARTNER
                local-address 203.0.113.2
                tunnel 1 {
                    local {
                        prefix 192.168.10.0/24
                    }
                    remote {
                        prefix 10.10.10.0/24
                    }
                }
            }
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@1:firewall@5:ipsec@5:nat@5:system@20:interfaces@22"
// Release version: 1.3.4
