/*
 * Negative (EdgeOS, curly): the iptables form of the same rules: 'tcp flags !SYN' in rule 10 drops new tcp
 * packets without SYN; rule 20 accepts new ssh connections, whose first packet carries SYN.
 */
firewall {
    name WAN_LOCAL {
        default-action drop
        rule 10 {
            action drop
            protocol tcp
            state {
                new enable
            }
            tcp {
                flags !SYN
            }
        }
        rule 20 {
            action accept
            destination {
                port 22
            }
            protocol tcp
            state {
                new enable
            }
        }
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        firewall {
            local {
                name WAN_LOCAL
            }
        }
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
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@5:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-util@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622731.230615.0857 */
