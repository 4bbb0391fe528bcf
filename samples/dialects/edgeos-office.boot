/*
 * Dialect EdgeOS (EdgeRouter, v2.0): the office router with the EdgeOS idioms: NAT under `service nat` (DNAT
 * rule 1 with inside-address, wizard masquerade rule 5010), `ipsec-interfaces`, `nat-traversal enable`, and
 * `auto-firewall-nat-exclude enable`, which exempts 192.168.10.0/24 -> 10.10.10.0/24 from the masquerade and
 * accepts IKE/ESP on input. WAN_LOCAL also admits IKE/ESP itself; a blackhole route covers 10.10.10.0/24 while
 * the SA is down. No findings.
 */

firewall {
    all-ping enable
    broadcast-ping disable
    ipv6-receive-redirects disable
    ipv6-src-route disable
    ip-src-route disable
    log-martians enable
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
        duplex auto
        firewall {
            in {
                name WAN_IN
            }
            local {
                name WAN_LOCAL
            }
        }
        speed auto
    }
    ethernet eth1 {
        address 192.168.10.1/24
        description LAN
        duplex auto
        speed auto
    }
    ethernet eth2 {
        address 192.168.20.1/24
        description GUEST
        duplex auto
        speed auto
    }
    loopback lo {
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
    gui {
        http-port 80
        https-port 443
    }
    nat {
        rule 1 {
            description "HTTPS to the web server"
            destination {
                address 203.0.113.134
                port 443
            }
            inbound-interface eth0
            inside-address {
                address 192.168.10.20
                port 443
            }
            log disable
            protocol tcp
            type destination
        }
        rule 5010 {
            description "masquerade for WAN"
            log disable
            outbound-interface eth0
            protocol all
            type masquerade
        }
    }
    ssh {
        port 22
    }
}
system {
    host-name office-edgeos
    name-server 198.51.100.53
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
        auto-firewall-nat-exclude enable
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
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@5:ubnt-l2tp@1:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-util@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622762.230615.1131 */
