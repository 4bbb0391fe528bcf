package org.vpnlint.checks.rules;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.ProtocolMatch;

/**
 * Wishes that make a witness packet read like the configuration: hosts inside the prefixes it names (.100 for
 * sources, .200 for destinations, as in the articles), arriving on the interface whose subnet holds the source, a
 * common protocol and ports. Earlier wishes weigh more; impossible ones are dropped by the solver.
 */
record WitnessPreferences(List<IPAddress> sourcePrefixes, List<IPAddress> destinationPrefixes) {

    static final int SOURCE_HOST = 100;
    static final int DESTINATION_HOST = 200;

    WitnessPreferences {
        sourcePrefixes = List.copyOf(sourcePrefixes);
        destinationPrefixes = List.copyOf(destinationPrefixes);
    }

    <B, V> void apply(HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> packet, Consumer<B> prefer) {
        AddressFamily family = router.family();
        for (IPAddress prefix : of(family, sourcePrefixes)) {
            prefer.accept(AddressTerms.is(algebra, family, packet.header().src(), AddressTerms.host(family, prefix, SOURCE_HOST)));
        }
        for (IPAddress prefix : of(family, destinationPrefixes)) {
            prefer.accept(AddressTerms.is(algebra, family, packet.header().dst(),
                    AddressTerms.host(family, prefix, DESTINATION_HOST)));
        }
        // a source in an interface's subnet arrives on that interface
        for (int i = 1; i <= router.interfaces().size(); i++) {
            NetInterface netInterface = router.interfaceAt(i);
            for (IPAddress address : netInterface.addresses()) {
                if (!family.contains(address) || address.getNetworkPrefixLength() == null) continue;
                prefer.accept(algebra.implies(AddressTerms.inPrefix(algebra, family, packet.header().src(), address),
                        algebra.eq(packet.ingress(), algebra.bits(i, CompiledRouter.INDEX_WIDTH))));
            }
        }
        for (int protocol : List.of(ProtocolMatch.TCP, ProtocolMatch.UDP, family == AddressFamily.IPV4 ? ProtocolMatch.ICMP
                : ProtocolMatch.ICMPV6)) {
            prefer.accept(algebra.eq(packet.header().protocol(), algebra.bits(protocol, 8)));
        }
        for (int port : List.of(22, 443, 80)) prefer.accept(algebra.eq(packet.header().dstPort(), algebra.bits(port, 16)));
        prefer.accept(algebra.eq(packet.header().srcPort(), algebra.bits(1024, 16)));
    }

    private static List<IPAddress> of(AddressFamily family, List<IPAddress> prefixes) {
        List<IPAddress> result = new ArrayList<>();
        for (IPAddress prefix : prefixes) if (family.contains(prefix)) result.add(prefix);
        return result;
    }
}
