package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.ip;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.IpsecProfile;
import org.vpnlint.model.NhrpTunnel;

/** DMVPN: the IPsec profile and NHRP are read (the shapes of vyos-1x's bgp-dmvpn smoketests), not reported. */
class DmvpnMappingTest {

    private static final String SPOKE = """
            interfaces {
                tunnel tun0 {
                    address 192.168.254.1/26
                    encapsulation gre
                    multicast enable
                    parameters {
                        ip {
                            key 1
                        }
                    }
                    source-address 0.0.0.0
                }
            }
            protocols {
                nhrp {
                    tunnel tun0 {
                        cisco-authentication nhrp-pass-1
                        holding-time 300
                        map 192.168.254.62/26 {
                            nbma-address 100.64.10.1
                            register
                        }
                        dynamic-map 192.168.254.0/26 {
                            nbma-domain-name hub.example.net
                        }
                        multicast nhs
                        redirect
                        shortcut
                    }
                }
            }
            vpn {
                ipsec {
                    profile NHRPVPN {
                        authentication {
                            mode pre-shared-secret
                            pre-shared-secret dmvpn-secret-7
                        }
                        bind {
                            tunnel tun0
                        }
                        esp-group ESP-DMVPN
                        ike-group IKE-DMVPN
                    }
                }
            }
            """;

    @Test
    void theProfileAndNhrpAreReadWithoutUnsupportedNotes() {
        MappedRouter mapped = map("spoke.boot", SPOKE);
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.NOT_ANALYSED));

        IpsecProfile profile = mapped.router().ipsec().profiles().get(0);
        assertEquals("NHRPVPN", profile.name());
        assertEquals(List.of("tun0"), profile.boundTunnels());
        assertEquals("IKE-DMVPN", profile.ikeGroup());
        assertEquals("ESP-DMVPN", profile.espGroup());
        assertEquals(AuthenticationMode.PRE_SHARED_SECRET, profile.authenticationMode());
        assertTrue(profile.presharedKey() != null);
        assertEquals(profile, mapped.router().ipsec().profileBoundTo("tun0").orElseThrow());

        NhrpTunnel nhrp = mapped.router().nhrpTunnels().get(0);
        assertEquals("tun0", nhrp.interfaceName());
        assertTrue(nhrp.isSpoke());
        assertEquals(ip("192.168.254.62/26"), nhrp.maps().get(0).tunnelAddress());
        assertEquals(ip("100.64.10.1"), nhrp.maps().get(0).nbmaAddress());
        assertTrue(nhrp.maps().get(0).register());
        assertEquals(List.of("hub.example.net"), nhrp.dynamicMapDomains());
    }

    @Test
    void neitherSecretReachesTheModelOrADiagnostic() {
        MappedRouter mapped =
                map("spoke.boot", SPOKE.replace("nbma-address 100.64.10.1", "nbma-address 100.64.10.300"));
        String everything = mapped.router().toString() + mapped.diagnostics();
        assertFalse(everything.contains("dmvpn-secret-7"), everything);
        assertFalse(everything.contains("nhrp-pass-1"), everything);
        assertNull(
                mapped.router().nhrpTunnels().get(0).maps().stream().findFirst().orElse(null));
        assertEquals(1, messages(mapped, DiagnosticCodes.INVALID_VALUE).size());
    }

    @Test
    void aHubHasNoMapsAndADisabledProfileBindsNothing() {
        MappedRouter mapped = map("hub.set", """
                set protocols nhrp tunnel tun0 multicast 'dynamic'
                set vpn ipsec profile P bind tunnel 'tun0'
                set vpn ipsec profile P disable
                """);
        assertFalse(mapped.router().nhrpTunnels().get(0).isSpoke());
        assertTrue(mapped.router().ipsec().profileBoundTo("tun0").isEmpty());
    }
}
