/*
 * Dialect VyOS 1.2 (crux, ipsec.conf era, iptables): a whole office router. eth0 WAN with WAN_IN/WAN_LOCAL
 * attached the 1.2 way (interfaces ethernet eth0 firewall in/local name), LAN and guest networks, an HTTPS
 * port forward, and a policy tunnel 192.168.10.0/24 <-> 10.10.10.0/24 to the partner 192.0.2.150. Everything
 * is done right: NAT rule 5 exempts the partner networks before the masquerade rules; a blackhole route covers
 * 10.10.10.0/24 while the SA is down; WAN_LOCAL admits IKE (udp 500/4500) and ESP; WAN_IN admits decrypted
 * partner traffic (ipsec match-ipsec) and names the port-forward target by its internal address (filters see
 * the packet after DNAT). No findings.
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
                address 10.10.10.0/24
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
        rule 110 {
            description "guests to internet"
            outbound-interface eth0
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
    ssh {
        port 22
    }
}
system {
    host-name office-vyos12
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
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
