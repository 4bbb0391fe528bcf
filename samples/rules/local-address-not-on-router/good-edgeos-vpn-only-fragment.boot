/*
 * Negative (EdgeOS style, curly; nothing in it is EdgeOS-only, so it is read as VyOS 1.3): a forum post's `show vpn` output with its prompt line. `ipsec-interfaces interface
 * eth1` names eth1, which the post does not show, so whether local-address 203.0.113.140 is the router's cannot
 * be told. A note says what the file does not show; no finding.
 */

admin@edge# show vpn
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
        interface eth1
    }
    nat-traversal enable
    site-to-site {
        peer 192.0.2.1 {
            authentication {
                mode pre-shared-secret
                pre-shared-secret s3cret-one
            }
            connection-type initiate
            default-esp-group ESP-AES256
            ike-group IKE-AES256
            local-address 203.0.113.140
            tunnel 1 {
                local {
                    prefix 10.104.0.0/24
                }
                remote {
                    prefix 10.103.0.0/24
                }
            }
        }
    }
}
[edit]
