package org.vpnlint.oracle.differential;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * The scenarios of seeds/ipsec-and-nat-articles.txt, in the articles' VyOS 1.2 syntax with the [SNIP]ped parts
 * filled in, each with SA up and SA down (with and without trap policies) and the packets the articles talk about.
 */
final class SeedCases {

    /** Hosts the articles use: lan 192.168.10.100 and .45; remote 10.10.10.200 and .55. */
    static final HostPlan HOSTS =
            new HostPlan(List.of("192.168.10.100", "192.168.10.45"), List.of("10.10.10.200", "10.10.10.55"));

    private static final String BRANCH_INTERFACES = """
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
            """;

    private static final String SNAT_RULE_10 = """
                    rule 10 {
                        outbound-interface eth0
                        source {
                            address 192.168.10.0/24
                        }
                        translation {
                            address 203.0.113.134
                        }
                    }
            """;

    private static final String EXCLUDE_RULE_5 = """
                    rule 5 {
                        outbound-interface eth0
                        destination {
                            address 10.10.10.0/24
                        }
                        exclude
                    }
            """;

    /** "Avoiding adverse interaction": tunnel 1 192.168.10.0/24 ↔ 10.10.10.0/24 to peer 192.0.2.150. */
    private static String snatArticle(String natRules, String connectionType) {
        return BRANCH_INTERFACES + "nat {\n    source {\n" + natRules + "    }\n}\n" + """
                vpn {
                    ipsec {
                        ipsec-interfaces {
                            interface eth0
                        }
                        site-to-site {
                            peer 192.0.2.150 {
                                authentication {
                                    mode pre-shared-secret
                                }
                %s
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
                """.formatted(connectionType);
    }

    /** "Exploiting the interaction": 192.168.10.45 appears as 172.16.17.45 to 10.10.10.55 across the tunnel. */
    private static String natIntoTunnelArticle(String connectionType) {
        return BRANCH_INTERFACES + """
                nat {
                    destination {
                        rule 10 {
                            destination {
                                address 172.16.17.45
                            }
                            inbound-interface any
                            translation {
                                address 192.168.10.45
                            }
                        }
                    }
                    source {
                        rule 10 {
                            outbound-interface any
                            destination {
                                address 10.10.10.55
                            }
                            source {
                                address 192.168.10.45
                            }
                            translation {
                                address 172.16.17.45
                            }
                        }
                    }
                }
                vpn {
                    ipsec {
                        site-to-site {
                            peer 192.0.2.150 {
                                authentication {
                                    mode pre-shared-secret
                                }
                %s
                                local-address 203.0.113.134
                                tunnel 1 {
                                    local {
                                        prefix 172.16.17.45/32
                                    }
                                    remote {
                                        prefix 10.10.10.55/32
                                    }
                                }
                            }
                        }
                    }
                }
                """.formatted(connectionType);
    }

    /** "The canonical and the simplest GRE/IPsec setup": tunnel 1 protocol gre, no prefixes. */
    private static String canonicalGreArticle(String connectionType) {
        return """
                interfaces {
                    ethernet eth0 {
                        address 192.0.2.10/24
                    }
                    ethernet eth1 {
                        address 192.168.10.1/24
                    }
                    tunnel tun0 {
                        address 10.0.0.2/29
                        local-ip 192.0.2.10
                        remote-ip 203.0.113.20
                        encapsulation gre
                    }
                }
                protocols {
                    static {
                        route 0.0.0.0/0 {
                            next-hop 192.0.2.1 {
                            }
                        }
                    }
                }
                vpn {
                    ipsec {
                        site-to-site {
                            peer 203.0.113.20 {
                                authentication {
                                    mode pre-shared-secret
                                }
                %s
                                tunnel 1 {
                                    protocol gre
                                }
                                local-address 192.0.2.10
                            }
                        }
                    }
                }
                """.formatted(connectionType);
    }

    /** GRE between dummy addresses 10.10.0.1 ↔ 10.10.0.2, protected by a /32 ↔ /32 tunnel to peer @west. */
    private static String dummyGreArticle(boolean defaultRoute) {
        String routes = !defaultRoute ? "" : """
                protocols {
                    static {
                        route 0.0.0.0/0 {
                            next-hop 192.0.2.254 {
                            }
                        }
                    }
                }
                """;
        return """
                interfaces {
                    ethernet eth0 {
                        address 192.0.2.1/24
                    }
                    ethernet eth1 {
                        address 192.168.10.1/24
                    }
                    dummy dum0 {
                        address 10.10.0.1/32
                    }
                    tunnel tun0 {
                        address 10.0.0.1/29
                        local-ip 10.10.0.1
                        remote-ip 10.10.0.2
                        encapsulation gre
                    }
                }
                """ + routes + """
                vpn {
                    ipsec {
                        site-to-site {
                            peer @west {
                                authentication {
                                    mode pre-shared-secret
                                }
                                connection-type respond
                                local-address 192.0.2.1
                                tunnel 1 {
                                    local {
                                        prefix 10.10.0.1/32
                                    }
                                    remote {
                                        prefix 10.10.0.2/32
                                    }
                                }
                            }
                        }
                    }
                }
                """;
    }

    private SeedCases() {}

    static List<DifferentialCase> all() {
        List<DifferentialCase> cases = new ArrayList<>();
        ConcretePacket lanToRemote = ConcretePacket.udp("192.168.10.100", 21001, "10.10.10.200", 5555, lan());
        for (String variant : List.of("", "connection-type respond")) {
            String name = variant.isEmpty() ? "initiate" : "respond";
            SeedConfig noExclude = read("snat-without-exclude-" + name, snatArticle(SNAT_RULE_10, variant));
            cases.add(seed("SNAT without exclude, SA up (" + name + ")", noExclude, SaStates.allUp(), lanToRemote));
            cases.add(seed("SNAT without exclude, SA down (" + name + ")", noExclude, SaStates.allDown(), lanToRemote));
            SeedConfig withExclude =
                    read("snat-with-exclude-" + name, snatArticle(EXCLUDE_RULE_5 + SNAT_RULE_10, variant));
            cases.add(seed("SNAT with exclude, SA up (" + name + ")", withExclude, SaStates.allUp(), lanToRemote));
            cases.add(seed("SNAT with exclude, SA down (" + name + ")", withExclude, SaStates.allDown(), lanToRemote));

            SeedConfig natIntoTunnel = read("nat-into-tunnel-" + name, natIntoTunnelArticle(variant));
            ConcretePacket hostToPartner = ConcretePacket.udp("192.168.10.45", 21002, "10.10.10.55", 5555, lan());
            ConcretePacket cleartextFromPartner =
                    ConcretePacket.udp("10.10.10.55", 21003, "172.16.17.45", 7000, Ingress.onInterface("eth0"));
            cases.add(
                    seed("NAT into the tunnel, SA up (" + name + ")", natIntoTunnel, SaStates.allUp(), hostToPartner));
            cases.add(seed(
                    "NAT into the tunnel, SA down (" + name + ")", natIntoTunnel, SaStates.allDown(), hostToPartner));
            cases.add(seed(
                    "NAT into the tunnel, cleartext from the partner, SA up (" + name + ")",
                    natIntoTunnel,
                    SaStates.allUp(),
                    cleartextFromPartner));
            cases.add(seed(
                    "NAT into the tunnel, cleartext from the partner, SA down (" + name + ")",
                    natIntoTunnel,
                    SaStates.allDown(),
                    cleartextFromPartner));

            SeedConfig canonicalGre = read("canonical-gre-" + name, canonicalGreArticle(variant));
            ConcretePacket gre = ConcretePacket.of("192.0.2.10", "203.0.113.20", ProtocolMatch.GRE, Ingress.local());
            ConcretePacket vxlan = ConcretePacket.udp("192.0.2.10", 21004, "203.0.113.20", 4789, Ingress.local());
            cases.add(seed("canonical GRE/IPsec, SA up (" + name + ")", canonicalGre, SaStates.allUp(), gre));
            cases.add(seed("canonical GRE/IPsec, SA down (" + name + ")", canonicalGre, SaStates.allDown(), gre));
            cases.add(seed(
                    "canonical GRE/IPsec, non-GRE packet to the peer, SA up (" + name + ")",
                    canonicalGre,
                    SaStates.allUp(),
                    vxlan));
        }
        ConcretePacket dummyGre = ConcretePacket.of("10.10.0.1", "10.10.0.2", ProtocolMatch.GRE, Ingress.local());
        for (boolean defaultRoute : List.of(true, false)) {
            String routing = defaultRoute ? "with default route" : "without default route";
            SeedConfig router =
                    read("dummy-gre-" + (defaultRoute ? "default" : "nodefault"), dummyGreArticle(defaultRoute));
            cases.add(seed("dummy-address GRE/IPsec " + routing + ", SA up", router, SaStates.allUp(), dummyGre));
            cases.add(seed("dummy-address GRE/IPsec " + routing + ", SA down", router, SaStates.allDown(), dummyGre));
        }
        return cases;
    }

    private static DifferentialCase seed(String name, SeedConfig config, SaStates states, ConcretePacket packet) {
        return new DifferentialCase("seed: " + name, config.text(), config.router(), states, packet, 100);
    }

    private static SeedConfig read(String name, String text) {
        return new SeedConfig(text, ConfigText.read(name + ".boot", text, Dialect.VYOS_1_2));
    }

    private record SeedConfig(String text, Router router) {}

    private static Ingress lan() {
        return Ingress.onInterface("eth1");
    }
}
