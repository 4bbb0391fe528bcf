/*
 * Dialect VyOS 1.5 (circinus, firewall@16): the office router once more, as a 1.5 config.boot. The dialect is
 * the 1.4/1.5 one (ipsec@13, nat@8). No findings.
 */

firewall {
    ipv4 {
        forward {
            filter {
                default-action accept
                rule 10 {
                    action jump
                    inbound-interface {
                        name eth0
                    }
                    jump-target WAN_IN
                }
            }
        }
        input {
            filter {
                default-action accept
                rule 10 {
                    action jump
                    inbound-interface {
                        name eth0
                    }
                    jump-target WAN_LOCAL
                }
            }
        }
        name WAN_IN {
            default-action drop
            description "WAN to internal"
            rule 10 {
                action accept
                description "Allow established/related"
                state established
                state related
            }
            rule 20 {
                action drop
                description "Drop invalid state"
                state invalid
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
                state established
                state related
            }
            rule 20 {
                action drop
                description "Drop invalid state"
                state invalid
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
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        description WAN
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
    }
    ethernet eth2 {
        address 192.168.20.1/24
        description GUEST
    }
    loopback lo {
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
            inbound-interface {
                name eth0
            }
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
                address 10.10.10.0/24
            }
            exclude
            outbound-interface {
                name eth0
            }
        }
        rule 100 {
            description "LAN to internet"
            outbound-interface {
                name eth0
            }
            source {
                address 192.168.10.0/24
            }
            translation {
                address masquerade
            }
        }
        rule 110 {
            description "guests to internet"
            outbound-interface {
                name eth0
            }
            source {
                address 192.168.20.0/24
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
        route 10.10.10.0/24 {
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
    ntp {
        server 0.pool.ntp.org {
        }
        server 1.pool.ntp.org {
        }
    }
    ssh {
        port 22
    }
}
system {
    host-name office-vyos15
    name-server 192.168.10.1
    time-zone UTC
}
vpn {
    ipsec {
        authentication {
            psk PARTNER {
                id 203.0.113.134
                id 192.0.2.150
                secret s3cret-one
            }
        }
        esp-group ESP-AES256 {
            lifetime 3600
            mode tunnel
            pfs dh-group14
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-AES256 {
            close-action none
            key-exchange ikev2
            lifetime 28800
            proposal 1 {
                dh-group 14
                encryption aes256
                hash sha256
            }
        }
        interface eth0
        site-to-site {
            peer PARTNER {
                authentication {
                    local-id 203.0.113.134
                    mode pre-shared-secret
                    remote-id 192.0.2.150
                }
                connection-type initiate
                default-esp-group ESP-AES256
                description "partner HQ"
                ike-group IKE-AES256
                local-address 203.0.113.134
                remote-address 192.0.2.150
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
// vyos-config-version: "bgp@5:broadcast-relay@1:cluster@2:config-management@1:conntrack@5:conntrack-sync@2:container@2:dhcp-relay@2:dhcp-server@9:dhcpv6-server@5:dns-dynamic@4:dns-forwarding@4:firewall@16:flow-accounting@1:https@6:ids@1:interfaces@32:ipoe-server@3:ipsec@13:isis@3:l2tp@9:lldp@2:mdns@1:monitoring@1:nat@8:nat66@3:ntp@3:openconnect@3:ospf@2:pim@1:policy@8:pppoe-server@10:pptp@5:qos@2:quagga@11:reverse-proxy@1:rip@1:rpki@2:salt@1:snmp@3:ssh@2:sstp@6:system@27:vrf@3:vrrp@4:vyos-accel-ppp@2:wanloadbalance@3:webproxy@2"
// Release version: 1.5-rolling-202411050007
