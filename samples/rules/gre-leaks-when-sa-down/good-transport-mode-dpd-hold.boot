/*
 * Negative (VyOS 1.2): the fix for bad-transport-mode.set. The same GRE over IPsec in transport mode
 * (leftsubnet=192.0.2.10[gre], rightsubnet=203.0.113.20[gre]), still initiating, but DPD action hold and
 * close-action hold (dpdaction=hold, closeaction=hold): whether the partner stops answering or deletes the SA,
 * strongSwan keeps a trap policy for the GRE selector, so GRE to 203.0.113.20 is held and triggers a new IKE
 * negotiation instead of leaving in cleartext. No findings.
 */

interfaces {
    ethernet eth0 {
        address 192.0.2.10/24
        description WAN
    }
    ethernet eth1 {
        address 192.168.20.1/24
        description LAN
    }
    loopback lo {
    }
    tunnel tun0 {
        address 10.0.0.1/30
        encapsulation gre
        local-ip 192.0.2.10
        multicast disable
        remote-ip 203.0.113.20
    }
}
protocols {
    static {
        interface-route 192.168.30.0/24 {
            next-hop-interface tun0 {
            }
        }
        route 0.0.0.0/0 {
            next-hop 192.0.2.1 {
            }
        }
    }
}
system {
    host-name east
    time-zone UTC
}
vpn {
    ipsec {
        esp-group ESP-TRANSPORT {
            compression disable
            lifetime 3600
            mode transport
            pfs enable
            proposal 1 {
                encryption aes256
                hash sha256
            }
        }
        ike-group IKE-AES256 {
            close-action hold
            dead-peer-detection {
                action hold
                interval 30
                timeout 120
            }
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
            peer 203.0.113.20 {
                authentication {
                    mode pre-shared-secret
                    pre-shared-secret s3cret-gre
                }
                connection-type initiate
                default-esp-group ESP-TRANSPORT
                ike-group IKE-AES256
                local-address 192.0.2.10
                tunnel 1 {
                    protocol gre
                }
            }
        }
    }
}
/* Warning: Do not remove the following line. */
/* === vyatta-config-version: "broadcast-relay@1:cluster@1:config-management@1:conntrack-sync@1:conntrack@1:dhcp-relay@2:dhcp-server@5:dns-forwarding@1:firewall@5:ipsec@5:l2tp@1:mdns@1:nat@4:ntp@1:pptp@1:qos@1:quagga@7:snmp@1:ssh@1:system@10:vrrp@2:wanloadbalance@3:webgui@1:webproxy@2:zone-policy@1" === */
/* Release version: 1.2.9 */
