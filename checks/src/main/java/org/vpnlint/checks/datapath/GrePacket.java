package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.RouteEntry;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.NhrpTunnel;
import org.vpnlint.model.Router;
import org.vpnlint.model.TunnelSettings;

/**
 * The outer packet a GRE/IPIP tunnel interface sends: the router's own, from the tunnel's source to its remote,
 * with the encapsulation's protocol (47 for GRE).
 *
 * <p>With a local address ({@code local-ip}, {@code source-address}) that address is the source. Without one
 * (VyOS renders {@code source-interface} as {@code ip tunnel ... dev IF} and sets no {@code local}) the kernel
 * picks the source each time it routes the packet, so the packet depends on the SA states: with the SA up,
 * strongSwan's table-220 route gives an address inside the local selector ({@code src}); with it down, the main
 * table's route gives its interface's address. See {@link #routedSource} and docs/semantics/gre.md#gre-packet.
 */
record GrePacket(NetInterface tunnelInterface, ConcretePacket packet) {

    /** The GRE/IPIP interfaces with a fixed remote, in configuration order; mGRE (no remote) is left out. */
    static List<Sender> senders(Router router) {
        List<Sender> senders = new ArrayList<>();
        for (NetInterface netInterface : router.interfaces()) {
            TunnelSettings settings = netInterface.tunnel();
            if (netInterface.disabled() || settings == null || settings.remoteAddress() == null) continue;
            senders.add(
                    new Sender(netInterface, settings, settings.remoteAddress().withoutPrefixLength()));
        }
        return senders;
    }

    /**
     * The multipoint GRE interfaces (no remote) towards each peer the file names for them: the outer (NBMA) address
     * of every NHRP {@code map}, once per tunnel and address. A hub (no map) names no peer and sends nothing here;
     * {@code dynamic-map} hubs are known by DNS name only.
     */
    static List<Sender> multipointSenders(Router router) {
        List<Sender> senders = new ArrayList<>();
        for (NhrpTunnel nhrp : router.nhrpTunnels()) {
            NetInterface netInterface =
                    router.findInterface(nhrp.interfaceName()).orElse(null);
            if (netInterface == null || netInterface.disabled()) continue;
            TunnelSettings settings = netInterface.tunnel();
            if (settings == null || settings.remoteAddress() != null || settings.outerProtocol() != 47) continue;
            Set<IPAddress> peers = new LinkedHashSet<>();
            for (NhrpTunnel.NhrpMap map : nhrp.maps())
                peers.add(map.nbmaAddress().withoutPrefixLength());
            for (IPAddress peer : peers) senders.add(new Sender(netInterface, settings, peer));
        }
        return senders;
    }

    /**
     * What each GRE/IPIP interface of the router ({@link #senders}) sends with every SA up, and that packet's fate
     * then; interfaces that send nothing in that state are left out.
     */
    static List<SentWithSasUp> sentWithEverySaUp(Router router, RuleContext context) {
        return sentWithEverySaUp(router, senders(router), context);
    }

    /** What each of {@code senders} sends with every SA up, and that packet's fate then. */
    static List<SentWithSasUp> sentWithEverySaUp(Router router, List<Sender> senders, RuleContext context) {
        List<SentWithSasUp> sent = new ArrayList<>();
        for (Sender sender : senders) {
            CompiledRouter compiled = context.compiled(router, sender.family());
            // without a local address this is table 220's src, the address strongSwan chose
            sender.packet(compiled, SaStates.allUp()).ifPresent(gre -> sent.add(leakiestChoice(sender, compiled, gre)));
        }
        return sent;
    }

    /**
     * The packet replayed with every SA up. When a load balancer balances the router's own connections, each WAN
     * it may give the GRE connection is replayed, and the first in cleartext is kept: the balancer may choose it
     * (docs/semantics/wan-load-balancing.md#the-routers-own-connections); otherwise the first WAN's replay.
     */
    private static SentWithSasUp leakiestChoice(Sender sender, CompiledRouter compiled, GrePacket gre) {
        List<String> wans = compiled.ownConnectionWans();
        if (wans.isEmpty()) {
            return new SentWithSasUp(sender, compiled, gre, Datapath.replay(compiled, gre.packet(), SaStates.allUp()));
        }
        SentWithSasUp kept = null;
        for (String wan : wans) {
            GrePacket balanced =
                    new GrePacket(gre.tunnelInterface(), gre.packet().balancedTo(wan));
            PacketTrace up = Datapath.replay(compiled, balanced.packet(), SaStates.allUp());
            SentWithSasUp choice = new SentWithSasUp(sender, compiled, balanced, up);
            if (kept == null) kept = choice;
            if (up.verdict() == Verdict.CLEARTEXT) return choice;
        }
        return kept;
    }

    /** A tunnel interface's packet as sent with every SA up ({@code router} compiled for its family), replayed. */
    record SentWithSasUp(Sender sender, CompiledRouter router, GrePacket gre, PacketTrace up) {}

    /** E.g. "tun0 (gre 192.0.2.10 → 203.0.113.20)". */
    String describe() {
        return tunnelInterface.name() + " (" + packet.header() + ")";
    }

    /** A GRE/IPIP interface and the remote it sends to: its fixed remote, or for mGRE a peer the file names. */
    record Sender(NetInterface tunnelInterface, TunnelSettings settings, IPAddress remote) {

        /** The family its packets use, the one to compile the router for. */
        AddressFamily family() {
            return AddressFamily.of(remote);
        }

        /**
         * The packet it sends with these SA states ({@code router} compiled for {@link #family()}); empty when the
         * source is an address only the running router knows, or when the kernel finds no route to send it by.
         */
        Optional<GrePacket> packet(CompiledRouter router, SaStates states) {
            return source(router, states)
                    .map(source -> new GrePacket(
                            tunnelInterface,
                            new ConcretePacket(source, remote, settings.outerProtocol(), 0, 0, Ingress.local())));
        }

        private Optional<IPAddress> source(CompiledRouter router, SaStates states) {
            if (settings.localAddress() != null) {
                // 0.0.0.0 (any) is a source the model cannot pin down; it is left out as before
                IPAddress local = settings.localAddress().withoutPrefixLength();
                boolean known = !local.isZero() && local.getIPVersion() == remote.getIPVersion();
                return known ? Optional.of(local) : Optional.empty();
            }
            int boundTo = 0;
            if (settings.sourceInterface() != null) {
                boundTo = router.interfaceIndex(settings.sourceInterface());
                if (boundTo == 0 || router.interfaceAt(boundTo).disabled()) return Optional.empty();
            }
            return routedSource(router, states, remote, boundTo);
        }
    }

    /**
     * The source the kernel gives a packet the router sends to {@code remote} without a source of its own
     * (ip_tunnel_xmit: saddr 0, oif = the tunnel's {@code dev}, here {@code boundTo}; 0 when unbound). The
     * pipeline takes a packet's source as given, so it is derived here from the compiled routes, in lookup order:
     * <ul>
     *   <li>only routes present in these SA states count, and of those the first per table and prefix (the kernel
     *       holds the best one only);</li>
     *   <li>bound to an interface, routes through other interfaces are passed over (fib_lookup_good_nhc), so the
     *       lookup falls back to shorter prefixes and later tables;</li>
     *   <li>a table-220 route gives its {@code src}, the address strongSwan chose inside the local selector; a main
     *       table route the primary address of its interface;</li>
     *   <li>a blackhole or reject route, or none at all, fails the lookup. Bound to an interface, IPv4 then assumes
     *       the remote is on link there and takes that interface's primary address (ip_route_output_key_hash_rcu,
     *       "Apparently, routing tables are wrong"); unbound, or for IPv6, no packet is sent.</li>
     * </ul>
     * A remote that is one of the router's own addresses gets no packet either.
     */
    private static Optional<IPAddress> routedSource(
            CompiledRouter router, SaStates states, IPAddress remote, int boundTo) {
        Set<String> shadowing = new HashSet<>();
        for (RouteEntry route : router.routes()) {
            if (!route.prefix().contains(remote) || !route.presentIn(router, states)) continue;
            // the router's own packets do not pass PREROUTING, where policy routing marks packets
            if (route.table() == RouteEntry.Table.POLICY) continue;
            if (!shadowing.add(route.table() + " " + route.prefix())) continue;
            switch (route.kind()) {
                case LOCAL -> {
                    return Optional.empty();
                }
                case BLACKHOLE, REJECT -> {
                    return onLink(router, boundTo);
                }
                case FORWARD -> {
                    if (boundTo != 0 && route.egress() != boundTo) continue;
                    if (route.table() == RouteEntry.Table.IPSEC) {
                        return Optional.ofNullable(
                                router.tunnelAt(route.tunnelIndex()).routeSource());
                    }
                    return router.primaryAddress(route.egress());
                }
            }
        }
        return onLink(router, boundTo);
    }

    /** A failed lookup: only an IPv4 lookup bound to an interface still sends, from that interface's address. */
    private static Optional<IPAddress> onLink(CompiledRouter router, int boundTo) {
        if (boundTo == 0 || router.family() != AddressFamily.IPV4) return Optional.empty();
        return router.primaryAddress(boundTo);
    }
}
