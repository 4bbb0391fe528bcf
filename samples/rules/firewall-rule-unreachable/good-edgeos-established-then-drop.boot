/*
 * Negative (EdgeOS, curly): WAN_IN accepts established flows first and then drops new tcp to 192.168.10.50; the
 * first rule takes only established packets, so the drop still acts on new ones.
 */
firewall {
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
            action drop
            destination {
                address 192.168.10.50
            }
            protocol tcp
        }
        rule 30 {
            action accept
            destination {
                address 192.168.10.0/24
            }
        }
    }
}
interfaces {
    ethernet eth0 {
        address 203.0.113.134/24
        firewall {
            in {
                name WAN_IN
            }
        }
    }
    ethernet eth1 {
        address 192.168.10.1/24
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@4:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@1:ubnt-util@1:vrrp@1:webgui@1:webproxy@1:zone-policy@1" === */
/* Release version: v2.0.9-hotfix.7.5622731.230615.0857 */
