/*
 * Positive (EdgeOS style, curly; read as VyOS 1.3, which renders ids the same way): `show vpn` output pasted from its `ipsec {` level, without the prompt line and without
 * the enclosing `vpn {`, as forum posts often show it. `ipsec` is no top-level node, and it can only be
 * vpn ipsec, so the fragment is read there (a note says so) instead of being silently clean:
 * `authentication id branch.example.com` without the @ is reported as in a whole router.
 */

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
    nat-traversal enable
    site-to-site {
        /* EXPECT: fqdn-id-without-at */
        peer 203.0.113.1 {
            authentication {
                id branch.example.com
                mode pre-shared-secret
                pre-shared-secret s3cret-one
            }
            connection-type initiate
            default-esp-group ESP-AES256
            ike-group IKE-AES256
            local-address any
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
