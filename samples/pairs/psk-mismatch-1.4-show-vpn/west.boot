/*
 * Pair, west (VyOS 1.4): the other end, pasted from its `ipsec {` level without a prompt line and without the
 * enclosing `vpn {`. `ipsec` is no top-level node and belongs only below vpn, so it is read as vpn ipsec.
 */

ipsec {
    authentication {
        psk EAST {
            id 203.0.113.1
            id 198.51.100.2
            secret s3cret-six
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
        peer EAST {
            authentication {
                local-id 198.51.100.2
                mode pre-shared-secret
                remote-id 203.0.113.1
            }
            connection-type initiate
            default-esp-group ESP-AES256
            ike-group IKE-AES256
            local-address 198.51.100.2
            remote-address 203.0.113.1
            tunnel 1 {
                local {
                    prefix 10.10.10.0/24
                }
                remote {
                    prefix 192.168.10.0/24
                }
            }
        }
    }
}
