package org.vpnlint.checks.diff;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.checks.datapath.AddressTerms;
import org.vpnlint.checks.datapath.WitnessPreferences;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.solver.Preference;

/**
 * What makes a witness of {@code vpnlint diff} readable, as solver preferences in the order they weigh. They are soft:
 * each is kept only when it can still hold together with the goal and the preferences kept before it, so they never
 * change which packets differ or what a class holds, only the packet chosen to show it (and so, of the classes left,
 * which is found next).
 *
 * <ol>
 *   <li>a packet arriving on an interface rather than the router's own or a decrypted one; the router's own packets
 *       from one of its addresses;</li>
 *   <li>the source host: .100 of a tunnel's local prefix (arriving where it fits if it can), of a tunnel's remote
 *       prefix for the packets that tunnel decrypted, else of a connected network (private networks first; arriving
 *       where it fits if it can), else of a tunnel's remote prefix;</li>
 *   <li>the destination host: .200 of a tunnel's remote prefix, else of a connected network;</li>
 *   <li>a source inside the arriving interface's connected network;</li>
 *   <li>host addresses: neither address a network's .0 or broadcast .255, nor one of 0.0.0.x;</li>
 *   <li>TCP, else UDP, else ICMP; destination port 22, else 443, else 80, else a well-known port (1 to 1023); source
 *       port 1024, else an ephemeral port of 1024 or above.</li>
 * </ol>
 */
final class WitnessReadability {

    /** Ports below this are well-known (a service); from it up, ephemeral (a client). */
    static final int FIRST_EPHEMERAL_PORT = 1024;

    private final List<IPAddress> localPrefixes;
    private final List<IPAddress> remotePrefixes;
    private final List<IPAddress> connectedNetworks;

    private WitnessReadability(
            List<IPAddress> localPrefixes, List<IPAddress> remotePrefixes, List<IPAddress> connectedNetworks) {
        this.localPrefixes = List.copyOf(localPrefixes);
        this.remotePrefixes = List.copyOf(remotePrefixes);
        this.connectedNetworks = List.copyOf(connectedNetworks);
    }

    /** The prefixes both versions name: a witness reads like either file. */
    static WitnessReadability of(CompiledRouter before, CompiledRouter after) {
        Set<IPAddress> local = new LinkedHashSet<>();
        Set<IPAddress> remote = new LinkedHashSet<>();
        Set<IPAddress> connected = new LinkedHashSet<>();
        for (CompiledRouter router : List.of(before, after)) {
            for (CompiledTunnel tunnel : router.tunnels()) {
                local.addAll(tunnel.localSelectors());
                remote.addAll(tunnel.remoteSelectors());
            }
        }
        for (CompiledRouter router : List.of(before, after)) {
            for (NetInterface netInterface : router.interfaces()) connected.addAll(networks(router, netInterface));
        }
        List<IPAddress> inside = new ArrayList<>(connected);
        // a host on a private network (the LAN) reads better than one on the WAN's public network: those first
        inside.sort(java.util.Comparator.comparing(network -> !isPrivate(network)));
        return new WitnessReadability(new ArrayList<>(local), new ArrayList<>(remote), inside);
    }

    /** RFC 1918 (IPv4) or unique local (IPv6): a network behind the router rather than a public one. */
    static boolean isPrivate(IPAddress network) {
        return network.isIPv4()
                ? network.toIPv4().isPrivate()
                : network.toIPv6().isUniqueLocal();
    }

    /** The preferences, most wanted first, over the packet as {@code router} (the old version) reads it. */
    <B, V> List<Preference<B>> preferences(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> packet) {
        AddressFamily family = router.family();
        Header<V> header = packet.header();
        List<Preference<B>> preferences = new ArrayList<>();
        preferences.add(Preference.of(packet.arrivesOnAnInterface(algebra, router)));
        preferences.add(Preference.of(
                algebra.implies(packet.generatedLocally(algebra), ownAddress(algebra, router, header.src()))));
        addFirstOf(preferences, sourceHosts(algebra, router, packet));
        List<B> destinations = new ArrayList<>();
        for (IPAddress prefix : remotePrefixes) destinations.add(isHost(algebra, family, header.dst(), prefix, false));
        for (IPAddress prefix : connectedNetworks)
            destinations.add(isHost(algebra, family, header.dst(), prefix, false));
        addFirstOf(preferences, destinations);
        preferences.add(Preference.of(fromArrivingNetwork(algebra, router, packet)));
        preferences.add(Preference.of(hostAddress(algebra, family, header.src())));
        preferences.add(Preference.of(hostAddress(algebra, family, header.dst())));
        int icmp = family == AddressFamily.IPV4 ? ProtocolMatch.ICMP : ProtocolMatch.ICMPV6;
        preferences.add(Preference.firstOf(List.of(ProtocolMatch.TCP, ProtocolMatch.UDP, icmp).stream()
                .map(protocol -> algebra.eq(header.protocol(), algebra.bits(protocol, Header.PROTOCOL_WIDTH)))
                .toList()));
        V firstEphemeral = algebra.bits(FIRST_EPHEMERAL_PORT, Header.PORT_WIDTH);
        List<B> services = new ArrayList<>();
        for (int port : List.of(22, 443, 80)) services.add(algebra.eq(header.dstPort(), port(algebra, port)));
        services.add(algebra.between(header.dstPort(), port(algebra, 1), port(algebra, FIRST_EPHEMERAL_PORT - 1)));
        preferences.add(Preference.firstOf(services));
        preferences.add(Preference.firstOf(
                List.of(algebra.eq(header.srcPort(), firstEphemeral), algebra.ule(firstEphemeral, header.srcPort()))));
        return preferences;
    }

    /**
     * The source host's alternatives in order: .100 of a tunnel's local prefix arriving where it fits (on the
     * interface whose network holds it); .100 of a tunnel's remote prefix decrypted by that tunnel; .100 of a tunnel's
     * local prefix on any ingress; .100 of a connected network where it fits, then on any ingress; .100 of a tunnel's
     * remote prefix on any ingress. The host does not depend on the ingress where it need not: classes at several
     * ingresses that change the same way then show the same packet, so they have the same widest prefixes and are one
     * entry.
     */
    private <B, V> List<B> sourceHosts(HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> packet) {
        AddressFamily family = router.family();
        V source = packet.header().src();
        B fits = algebra.bool(true);
        for (B wish : WitnessPreferences.ingressFitsSource(algebra, router, packet)) fits = algebra.and(fits, wish);
        List<B> hosts = new ArrayList<>();
        for (IPAddress prefix : localPrefixes)
            hosts.add(algebra.and(isHost(algebra, family, source, prefix, true), fits));
        // a decrypted packet comes from the peer's side of its tunnel
        for (CompiledTunnel tunnel : router.tunnels()) {
            for (IPAddress prefix : tunnel.remoteSelectors()) {
                hosts.add(algebra.and(
                        arrivesBy(algebra, router, packet, Ingress.decryptedBy(tunnel.ref())),
                        isHost(algebra, family, source, prefix, true)));
            }
        }
        for (IPAddress prefix : localPrefixes) hosts.add(isHost(algebra, family, source, prefix, true));
        for (IPAddress prefix : connectedNetworks)
            hosts.add(algebra.and(isHost(algebra, family, source, prefix, true), fits));
        for (IPAddress prefix : connectedNetworks) hosts.add(isHost(algebra, family, source, prefix, true));
        // a peer's network sending in cleartext (an SA down, a missing policy)
        for (IPAddress prefix : remotePrefixes) hosts.add(isHost(algebra, family, source, prefix, true));
        return hosts;
    }

    /** A packet arriving on an interface comes from one of that interface's connected networks. */
    private static <B, V> B fromArrivingNetwork(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> packet) {
        B any = algebra.bool(false);
        for (int i = 1; i <= router.interfaces().size(); i++) {
            B inNetwork = algebra.bool(false);
            for (IPAddress network : networks(router, router.interfaceAt(i))) {
                inNetwork = algebra.or(
                        inNetwork,
                        AddressTerms.inPrefix(
                                algebra, router.family(), packet.header().src(), network));
            }
            any = algebra.or(
                    any,
                    algebra.and(
                            arrivesBy(algebra, router, packet, Ingress.onInterface(router.interfaceName(i))),
                            inNetwork));
        }
        return any;
    }

    /**
     * An address that reads as a host: not 0.0.0.x (nor ::x), and its last byte neither 0 (a network's own address)
     * nor 255 (a broadcast).
     */
    static <B, V> B hostAddress(HeaderAlgebra<B, V> algebra, AddressFamily family, V address) {
        int width = family.width();
        V lastByte = algebra.bitAnd(address, algebra.bits(0xFF, width));
        B notLow = algebra.ule(algebra.bits(0x100, width), address);
        B notNetwork = algebra.not(algebra.eq(lastByte, algebra.bits(0, width)));
        B notBroadcast = algebra.not(algebra.eq(lastByte, algebra.bits(0xFF, width)));
        return algebra.and(notLow, algebra.and(notNetwork, notBroadcast));
    }

    private static <B, V> B isHost(
            HeaderAlgebra<B, V> algebra, AddressFamily family, V address, IPAddress prefix, boolean source) {
        int offset = source ? WitnessPreferences.SOURCE_HOST : WitnessPreferences.DESTINATION_HOST;
        return AddressTerms.is(algebra, family, address, AddressTerms.host(family, prefix, offset));
    }

    /** The source is one of the router's own addresses. */
    private static <B, V> B ownAddress(HeaderAlgebra<B, V> algebra, CompiledRouter router, V source) {
        B any = algebra.bool(false);
        for (NetInterface netInterface : router.interfaces()) {
            for (IPAddress address : netInterface.addresses()) {
                if (router.family().contains(address))
                    any = algebra.or(any, AddressTerms.is(algebra, router.family(), source, address));
            }
        }
        return any;
    }

    private static <B, V> B arrivesBy(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> packet, Ingress ingress) {
        return algebra.eq(packet.ingress(), algebra.bits(router.ingressCode(ingress), CompiledRouter.INDEX_WIDTH));
    }

    /** The interface's connected networks of the router's family. */
    private static List<IPAddress> networks(CompiledRouter router, NetInterface netInterface) {
        return netInterface.addresses().stream()
                .filter(router.family()::contains)
                .filter(address -> address.getNetworkPrefixLength() != null)
                .toList();
    }

    private static <B, V> V port(HeaderAlgebra<B, V> algebra, int port) {
        return algebra.bits(BigInteger.valueOf(port), Header.PORT_WIDTH);
    }

    private static <B> void addFirstOf(List<Preference<B>> preferences, List<B> alternatives) {
        if (!alternatives.isEmpty()) preferences.add(Preference.firstOf(alternatives));
    }
}
