/*
 * Negative (EdgeOS, curly, zone policy): eth0 is the WAN zone, and the LOCAL zone (the router itself) sends
 * traffic from WAN through WAN_LOCAL, which accepts IKE/NAT-T and ESP from the partner 192.0.2.150 before its
 * default drop. Nothing filters the router's own packets: no zone has a 'from LOCAL', and vyatta-zone hooks the
 * local zone's output chain only once one does. The peer responds (trap), so the SA-down case is quiet.
 */
firewall {
    name WAN_LAN {
        default-action drop
        rule 10 {
            action accept
            state {
                established enable
                related enable
            }
        }
    }
    name WAN_LOCAL {
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
            destination {
                port 500,4500
            }
            protocol udp
            source {
                address 192.0.2.150
            }
        }
        rule 30 {
            action accept
            protocol esp
            source {
                address 192.0.2.150
            }
        }
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
    }
    ethernet eth1 {
        address 192.168.10.1/24
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
vpn {
    ipsec {
        esp-group ESP-AES256 {
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-AES256 {
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
                    pre-shared-secret s3cret-one
                }
                connection-type respond
                default-esp-group ESP-AES256
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
zone-policy {
    zone LAN {
        default-action drop
        from WAN {
            firewall {
                name WAN_LAN
            }
        }
        interface eth1
    }
    zone LOCAL {
        default-action drop
        from WAN {
            firewall {
                name WAN_LOCAL
            }
        }
        local-zone
    }
    zone WAN {
        default-action drop
        interface eth0
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@4:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@1:ubnt-util@1:vrrp@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622731.230615.0857 */
