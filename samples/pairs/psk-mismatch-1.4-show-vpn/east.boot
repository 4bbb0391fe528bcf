/*
 * Pair, east (VyOS 1.4): only `show vpn ipsec` output with its prompt line, as pasted in a forum post. The file
 * shows no interfaces: local-address 203.0.113.1 is taken as the router's own, so the two ends pair and their
 * `authentication psk` entries are compared: s3cret-five here, s3cret-six on west.
 */

vyos@east# show vpn ipsec
authentication {
    psk WEST {
        id 203.0.113.1
        id 198.51.100.2
        secret s3cret-five
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
    /* EXPECT: ipsec-psk-mismatch */
    peer WEST {
        authentication {
            local-id 203.0.113.1
            mode pre-shared-secret
            remote-id 198.51.100.2
        }
        connection-type respond
        default-esp-group ESP-AES256
        ike-group IKE-AES256
        local-address 203.0.113.1
        remote-address 198.51.100.2
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
[edit]
