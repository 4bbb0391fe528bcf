/*
 * Dialect VyOS 1.3 (equuleus): a hub with two IPsec peers. The partner 192.0.2.150 has two policy tunnels
 * (10.10.10.0/24 and 10.10.20.0/24), both exempted from NAT by rule 5 (10.10.0.0/16) and both covered by
 * blackhole routes for the SA-down case. The lab 198.51.100.77 is reached by GRE over IPsec with the article's
 * dummy addresses: tun0 uses `source-address`/`remote` (1.3 names) 10.10.0.1 -> 10.10.0.2 and the lab peer's
 * tunnel selects exactly those /32s; it responds toward a known address, so a trap policy holds GRE while the
 * SA is down. WAN_LOCAL admits IKE, ESP and GRE that arrived inside IPsec. No findings.
 */

firewall {
    all-ping enable
    broadcast-ping disable
    name WAN_IN {
        default-action drop
        description "WAN to internal"
        rule 10 {
            action accept
            description "Allow established/related"
            state {
                established enable
                related enable
            }
        }
        rule 20 {
            action drop
            description "Drop invalid state"
            state {
                invalid enable
            }
        }
        rule 30 {
            action accept
            description "Decrypted partner traffic"
            ipsec {
                match-ipsec
            }
            source {
                address 10.10.10.0/24
            }
        }
        rule 31 {
            action accept
            description "Decrypted partner traffic"
            ipsec {
                match-ipsec
            }
            source {
                address 10.10.20.0/24
            }
        }
        rule 40 {
            action accept
            description "HTTPS to the web server"
            destination {
                address 192.168.10.20
                port 443
            }
            protocol tcp
        }
    }
    name WAN_LOCAL {
        default-action drop
        description "WAN to router"
        rule 10 {
            action accept
            description "Allow established/related"
            state {
                established enable
                related enable
            }
        }
        rule 20 {
            action drop
            description "Drop invalid state"
            state {
                invalid enable
            }
        }
        rule 30 {
            action accept
            description "IKE and NAT-T"
            destination {
                port 500,4500
            }
            protocol udp
        }
        rule 40 {
            action accept
            description ESP
            protocol esp
        }
        rule 45 {
            action accept
            description "GRE, only after decryption"
            ipsec {
                match-ipsec
            }
            protocol gre
        }
        rule 50 {
            action accept
            description ping
            protocol icmp
        }
        rule 60 {
            action accept
            description "SSH from the NOC"
            destination {
                port 22
            }
            protocol tcp
            source {
                address 198.51.100.0/24
            }
        }
    }
    receive-redirects disable
    send-redirects enable
    source-validation disable
    syn-cookies enable
}
interfaces {
    dummy dum0 {
        address 10.10.0.1/32
    }
    ethernet eth0 {
        address 203.0.113.134/24
        description WAN
        firewall {
            in {
                name WAN_IN
            }
            local {
                name WAN_LOCAL
            }
        }
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.1/30
        description "GRE/IPsec to the lab"
        encapsulation gre
        multicast disable
        remote 10.10.0.2
        source-address 10.10.0.1
    }
}
nat {
    destination {
        rule 10 {
            description "HTTPS to the web server"
            destination {
                address 203.0.113.134
                port 443
            }
            inbound-interface eth0
            protocol tcp
            translation {
                address 192.168.10.20
            }
        }
    }
    source {
        rule 5 {
            description "no NAT to the partner"
            destination {
                address 10.10.0.0/16
            }
            exclude
            outbound-interface eth0
        }
        rule 100 {
            description "LAN to internet"
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
        interface-route 192.168.77.0/24 {
            next-hop-interface tun0 {
            }
        }
        route 0.0.0.0/0 {
            next-hop 203.0.113.1 {
            }
        }
        route 10.10.10.0/24 {
            blackhole {
                distance 254
            }
        }
        route 10.10.20.0/24 {
            blackhole {
                distance 254
            }
        }
    }
}
service {
    dns {
        forwarding {
            cache-size 1000
            listen-address 192.168.10.1
        }
    }
    ssh {
        port 22
    }
}
system {
    host-name hub-vyos13
    name-server 192.168.10.1
    ntp {
        server 0.pool.ntp.org {
        }
        server 1.pool.ntp.org {
        }
    }
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
            peer 192.0.2.150 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-one
                }
                connection-type initiate
                default-esp-group ESP-AES256
                description "partner HQ"
                ike-group IKE-AES256
                local-address 203.0.113.134
                tunnel 1 {
                    local {
                        prefix 192.168.10.0/24
                    }
                    remote {
                        prefix 10.10.10.0/24
                    }
                }
                tunnel 2 {
                    local {
                        prefix 192.168.10.0/24
                    }
                    remote {
                        prefix 10.10.20.0/24
                    }
                }
            }
            peer 198.51.100.77 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-gre
                }
                connection-type respond
                default-esp-group ESP-AES256
                description "lab, GRE inside"
                ike-group IKE-AES256
                local-address 203.0.113.134
                tunnel 1 {
                    local {
                        prefix 10.10.0.1/32
                    }
                    remote {
                        prefix 10.10.0.2/32
                    }
                }
            }
        }
    }
}
// Warning: Do not remove the following line.
// vyos-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack@3:conntrack-sync@2:dhcp-relay@2:dhcp-server@6:dhcpv6-server@1:dns-forwarding@3:firewall@5:https@2:interfaces@22:ipoe-server@1:ipsec@5:isis@1:l2tp@3:lldp@1:mdns@1:nat@5:ntp@1:pppoe-server@5:pptp@2:qos@1:quagga@8:rpki@1:salt@1:snmp@2:ssh@2:sstp@3:system@21:vrrp@2:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2:zone-policy@1"
// Release version: 1.3.8
