/*
 * Seed: "How to setup an IPsec connection between two NATed peers", non-NATed side (VyOS 1.2), completed with
 * the article's own values (peer @foo, PSK qwerty, local-address 203.0.113.1, 10.103.0.0/24 <->
 * 10.104.0.0/24). The NATed peer is found by its identity @foo, not by its (unknown) public address, so this
 * side can only respond: peer @foo means remote %any, auto=add, no trap. IKEv1 Main Mode: the responder finds
 * the PSK through the configured ids (@foo) before it falls back to addresses, so the unknown NAT address does
 * not matter. SA down: the policies are gone and the default route would carry 10.104.0.0/24 out in cleartext;
 * the blackhole route drops it instead. Checked together with nated.boot. No findings.
 */

interfaces {
    ethernet eth0 {
        address 203.0.113.1/24
        description WAN
    }
    ethernet eth1 {
        address 10.103.0.1/24
        description LAN
    }
    loopback lo {
    }
}
protocols {
    static {
        route 0.0.0.0/0 {
            next-hop 203.0.113.254 {
            }
        }
        route 10.104.0.0/24 {
            blackhole {
                distance 254
            }
        }
    }
}
system {
    host-name non-nated
    time-zone UTC
}
vpn {
    ipsec {
        esp-group Foo {
            compression disable
            lifetime 3600
            mode tunnel
            pfs enable
            proposal 1 {
                encryption aes128
                hash sha1
            }
        }
        ike-group Foo {
            ikev2-reauth no
            key-exchange ikev1
            lifetime 28800
            proposal 1 {
                dh-group 14
                encryption aes128
                hash sha1
            }
        }
        ipsec-interfaces {
            interface eth0
        }
        site-to-site {
            peer @foo {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret qwerty
                }
                default-esp-group Foo
                ike-group Foo
                local-address 203.0.113.1
                tunnel 1 {
                    local {
                        prefix 10.103.0.0/24
                    }
                    remote {
                        prefix 10.104.0.0/24
                    }
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
