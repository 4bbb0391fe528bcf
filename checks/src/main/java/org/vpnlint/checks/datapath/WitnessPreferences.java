package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.solver.Preference;

/**
 * Wishes that make a witness packet read like the configuration: hosts inside the prefixes it names (.100 for
 * sources, .200 for destinations, as in the articles), arriving on the interface whose subnet holds the source, a
 * common protocol and ports. Earlier preferences weigh more; impossible ones are dropped by the solver.
 */
public record WitnessPreferences(List<IPAddress> sourcePrefixes, List<IPAddress> destinationPrefixes) {

    public static final int SOURCE_HOST = 100;
    public static final int DESTINATION_HOST = 200;

    public WitnessPreferences {
        sourcePrefixes = List.copyOf(sourcePrefixes);
        destinationPrefixes = List.copyOf(destinationPrefixes);
    }

    /**
     * In order: a source host, a destination host (each: the first prefix that can hold it), the ingress that fits the
     * source (one preference per connected subnet), TCP else UDP else ICMP, destination port 22 else 443 else 80,
     * source port 1024.
     */
    public <B, V> List<Preference<B>> of(HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> packet) {
        AddressFamily family = router.family();
        List<Preference<B>> preferences = new ArrayList<>();
        addFirstOf(preferences, hosts(algebra, family, packet.header().src(), sourcePrefixes, SOURCE_HOST));
        addFirstOf(preferences, hosts(algebra, family, packet.header().dst(), destinationPrefixes, DESTINATION_HOST));
        ingressFitsSource(algebra, router, packet).forEach(fits -> preferences.add(Preference.of(fits)));
        int icmp = family == AddressFamily.IPV4 ? ProtocolMatch.ICMP : ProtocolMatch.ICMPV6;
        addFirstOf(
                preferences,
                List.of(ProtocolMatch.TCP, ProtocolMatch.UDP, icmp).stream()
                        .map(protocol -> algebra.eq(packet.header().protocol(), algebra.bits(protocol, 8)))
                        .toList());
        addFirstOf(
                preferences,
                List.of(22, 443, 80).stream()
                        .map(port -> algebra.eq(packet.header().dstPort(), algebra.bits(port, 16)))
                        .toList());
        preferences.add(Preference.of(algebra.eq(packet.header().srcPort(), algebra.bits(1024, 16))));
        return preferences;
    }

    /**
     * One wish per connected subnet of the router's interfaces: a source in that subnet arrives on that interface
     * (a packet from the LAN arrives on the LAN interface). Also what {@code vpnlint diff}'s witnesses prefer.
     */
    public static <B, V> List<B> ingressFitsSource(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> packet) {
        AddressFamily family = router.family();
        List<B> wishes = new ArrayList<>();
        for (int i = 1; i <= router.interfaces().size(); i++) {
            NetInterface netInterface = router.interfaceAt(i);
            for (IPAddress address : netInterface.addresses()) {
                if (!family.contains(address) || address.getNetworkPrefixLength() == null) continue;
                wishes.add(algebra.implies(
                        AddressTerms.inPrefix(algebra, family, packet.header().src(), address),
                        algebra.eq(packet.ingress(), algebra.bits(i, CompiledRouter.INDEX_WIDTH))));
            }
        }
        return wishes;
    }

    private static <B, V> List<B> hosts(
            HeaderAlgebra<B, V> algebra, AddressFamily family, V address, List<IPAddress> prefixes, int host) {
        List<B> hosts = new ArrayList<>();
        for (IPAddress prefix : prefixes) {
            if (family.contains(prefix))
                hosts.add(AddressTerms.is(algebra, family, address, AddressTerms.host(family, prefix, host)));
        }
        return hosts;
    }

    private static <B> void addFirstOf(List<Preference<B>> preferences, List<B> alternatives) {
        if (!alternatives.isEmpty()) preferences.add(Preference.firstOf(alternatives));
    }
}
