package org.vpnlint.checks.diff;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vpnlint.checks.datapath.AddressTerms;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.FreshVariables;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.solver.SymbolicAlgebra;
import org.vpnlint.solver.SymbolicQuery;

/**
 * Both versions of a router run over one symbolic packet: the same header, the same ingress (matched by name) and
 * the same SA state for every tunnel both versions have (matched by peer and tunnel number). A tunnel only the new
 * version has gets an SA variable of its own ({@value #AFTER_PREFIX}saUp + index).
 *
 * <p>Only ingresses both versions have are compared: a packet arriving on an interface one version does not have
 * has no fate there to compare with (the comparison says so in a note).
 */
final class FatePair<B, V> {

    static final String AFTER_PREFIX = "after.";

    final SymbolicQuery<B, V> query;
    final SymbolicAlgebra<B, V> algebra;
    /** The versions the question runs on: whole, or sliced to the packets a change can touch ({@link ChangeSpace}). */
    final CompiledRouter before;

    final CompiledRouter after;
    /** The whole versions, which witnesses are replayed on. */
    final CompiledRouter beforeWhole;

    final CompiledRouter afterWhole;
    final PacketInput<B, V> beforeInput;
    final PacketInput<B, V> afterInput;
    final Outcome<B, V> beforeOutcome;
    final Outcome<B, V> afterOutcome;
    private final B sameFate;

    FatePair(
            SymbolicQuery<B, V> query,
            CompiledRouter before,
            CompiledRouter after,
            CompiledRouter beforeWhole,
            CompiledRouter afterWhole,
            List<Ingress> ingresses) {
        this.query = query;
        this.algebra = query.algebra();
        this.before = before;
        this.after = after;
        this.beforeWhole = beforeWhole;
        this.afterWhole = afterWhole;
        this.beforeInput = PacketInput.fresh(before, FreshVariables.of(algebra::freshBits, algebra::freshBool), "");
        this.afterInput = new PacketInput<>(beforeInput.header(), afterIngress(ingresses), afterSaStates(), afterWan());
        this.beforeOutcome = Datapath.evaluate(algebra, before, beforeInput);
        this.afterOutcome = Datapath.evaluate(algebra, after, afterInput);
        query.require(beforeOutcome.wellFormed());
        query.require(afterOutcome.wellFormed());
        B compared = algebra.bool(false);
        for (Ingress ingress : ingresses) compared = algebra.or(compared, arrivesBy(ingress));
        query.require(compared);
        // 0.0.0.0 (::) is the model's marker for a dynamic address, never an address on the wire
        V unknown =
                algebra.bits(before.family().unknownAddress(), before.family().width());
        query.require(algebra.not(algebra.eq(beforeInput.header().src(), unknown)));
        query.require(algebra.not(algebra.eq(beforeInput.header().dst(), unknown)));
        this.sameFate = sameFate();
    }

    /** The header after destination NAT lies in the space (null: the whole space, no slice). */
    B within(ChangeSpace space) {
        if (space == null) return algebra.bool(true);
        Header<V> header = beforeOutcome.afterDestinationNat();
        return algebra.and(inAny(header.src(), space.sources()), inAny(header.dst(), space.destinations()));
    }

    private B inAny(V address, List<IPAddress> prefixes) {
        if (prefixes == null) return algebra.bool(true);
        B any = algebra.bool(false);
        for (IPAddress prefix : prefixes)
            any = algebra.or(any, AddressTerms.inPrefix(algebra, before.family(), address, prefix));
        return any;
    }

    /** The packet's fate differs between the versions. */
    B differs() {
        return algebra.not(sameFate);
    }

    B arrivesBy(Ingress ingress) {
        return algebra.eq(beforeInput.ingress(), index(before.ingressCode(ingress)));
    }

    /** Every SA of either version up (true) or down (false). */
    B everySa(boolean up) {
        B all = algebra.bool(true);
        for (B state : beforeInput.saUp()) all = algebra.and(all, up ? state : algebra.not(state));
        for (CompiledTunnel tunnel : after.tunnels()) {
            if (before.tunnelIndex(tunnel.ref()) != 0) continue;
            B state = afterInput.saUp(tunnel.index());
            all = algebra.and(all, up ? state : algebra.not(state));
        }
        return all;
    }

    /** The packet belongs to this class: its ingress and both fates' verdict, tunnel and egress are the key's. */
    B inClass(FateKey key) {
        B before = algebra.and(arrivesBy(key.ingress()), matches(beforeOutcome, key.before(), this.before));
        return algebra.and(before, matches(afterOutcome, key.after(), after));
    }

    private B matches(Outcome<B, V> outcome, FateKey.Side side, CompiledRouter router) {
        B verdict = outcome.verdictIs(algebra, side.verdict());
        int tunnel = side.tunnel() == null ? 0 : router.tunnelIndex(side.tunnel());
        // a class found in another box may name a tunnel this box's slice left out: it never acts here
        if (side.tunnel() != null && tunnel == 0) return algebra.bool(false);
        int egress = side.egress() == null ? 0 : router.interfaceIndex(side.egress());
        return algebra.and(
                verdict,
                algebra.and(algebra.eq(outcome.tunnel(), index(tunnel)), algebra.eq(outcome.egress(), index(egress))));
    }

    /**
     * Same verdict, and what the verdict makes visible the same: for an encrypted packet the tunnel, the interface
     * of its ESP packet and the inner header; for a cleartext one the interface and the header as it leaves; for a
     * packet delivered to the router the header it is delivered with. Why a packet is dropped is not its fate.
     */
    private B sameFate() {
        B sameVerdict = algebra.eq(beforeOutcome.verdict(), afterOutcome.verdict());
        B sameHeader = sameHeader(beforeOutcome.finalHeader(), afterOutcome.finalHeader());
        B sameEgress = sameEgress();
        B encrypted = beforeOutcome.verdictIs(algebra, Verdict.ENCRYPTED);
        B cleartext = beforeOutcome.verdictIs(algebra, Verdict.CLEARTEXT);
        B local = beforeOutcome.verdictIs(algebra, Verdict.LOCAL);
        B same = sameVerdict;
        same = algebra.and(
                same, algebra.implies(encrypted, algebra.and(sameTunnel(), algebra.and(sameEgress, sameHeader))));
        same = algebra.and(same, algebra.implies(cleartext, algebra.and(sameEgress, sameHeader)));
        return algebra.and(same, algebra.implies(local, sameHeader));
    }

    private B sameHeader(Header<V> left, Header<V> right) {
        B same = algebra.and(algebra.eq(left.src(), right.src()), algebra.eq(left.dst(), right.dst()));
        same = algebra.and(same, algebra.eq(left.protocol(), right.protocol()));
        return algebra.and(
                same,
                algebra.and(algebra.eq(left.srcPort(), right.srcPort()), algebra.eq(left.dstPort(), right.dstPort())));
    }

    /** Both tunnels are the same peer's same tunnel. */
    private B sameTunnel() {
        B same = algebra.bool(false);
        for (CompiledTunnel tunnel : before.tunnels()) {
            int other = after.tunnelIndex(tunnel.ref());
            if (other == 0) continue;
            same = algebra.or(
                    same,
                    algebra.and(
                            algebra.eq(beforeOutcome.tunnel(), index(tunnel.index())),
                            algebra.eq(afterOutcome.tunnel(), index(other))));
        }
        return same;
    }

    /** Both leave by interfaces of the same name, or neither leaves by any. */
    private B sameEgress() {
        B same = algebra.and(algebra.eq(beforeOutcome.egress(), index(0)), algebra.eq(afterOutcome.egress(), index(0)));
        for (int i = 1; i <= before.interfaces().size(); i++) {
            int other = after.interfaceIndex(before.interfaceName(i));
            if (other == 0) continue;
            same = algebra.or(
                    same,
                    algebra.and(
                            algebra.eq(beforeOutcome.egress(), index(i)),
                            algebra.eq(afterOutcome.egress(), index(other))));
        }
        return same;
    }

    /** The new version's ingress code for the packet's ingress (the ingresses compared are in both versions). */
    private V afterIngress(List<Ingress> ingresses) {
        V code = index(0);
        for (Ingress ingress : ingresses) {
            code = algebra.ifBits(arrivesBy(ingress), index(after.ingressCode(ingress)), code);
        }
        return code;
    }

    private List<B> afterSaStates() {
        List<B> states = new ArrayList<>();
        for (CompiledTunnel tunnel : after.tunnels()) {
            int shared = before.tunnelIndex(tunnel.ref());
            states.add(
                    shared != 0
                            ? beforeInput.saUp(shared)
                            : algebra.freshBool(AFTER_PREFIX + PacketInput.SA_UP + tunnel.index()));
        }
        return states;
    }

    /**
     * The WAN the new version's load balancer gives the packet's connection: the same choice as the old version's,
     * by name (interface numbers differ between versions), when the old version also balances; a choice of its own
     * ({@code after.wan}) when only the new version does; null when it balances nothing. A choice the old version
     * reads as no WAN of its groups (its first WAN then) is none for the new version either, as in the replay, where
     * the witness names no WAN ({@link #witnessPacket}).
     */
    private V afterWan() {
        if (!after.balancesConnections()) return null;
        if (!before.balancesConnections())
            return algebra.freshBits(AFTER_PREFIX + PacketInput.WAN, CompiledRouter.INDEX_WIDTH);
        V chosen = index(0);
        for (int i = 1; i <= before.interfaces().size(); i++) {
            String name = before.balancedWan(BigInteger.valueOf(i));
            if (name == null) continue;
            chosen = algebra.ifBits(algebra.eq(beforeInput.wan(), index(i)), index(after.interfaceIndex(name)), chosen);
        }
        return chosen;
    }

    /**
     * The load balancer's choice is the witness's: the WAN the packet names, or, when it names none, a choice that
     * names no WAN of the balancing groups (their first WANs then). Without this, "every packet of a prefix" would
     * also range over connections the balancer gives another WAN.
     */
    B sameWanChoice(ConcretePacket packet) {
        if (before.balancesConnections()) return choiceIs(before, beforeInput.wan(), packet.wan());
        if (after.balancesConnections()) return choiceIs(after, afterInput.wan(), packet.wan());
        return algebra.bool(true);
    }

    private B choiceIs(CompiledRouter router, V wan, String name) {
        int named = name == null ? 0 : router.interfaceIndex(name);
        if (named != 0 && router.balancedWan(BigInteger.valueOf(named)) != null) return algebra.eq(wan, index(named));
        B none = algebra.bool(true);
        for (int i = 1; i <= router.interfaces().size(); i++) {
            if (router.balancedWan(BigInteger.valueOf(i)) != null)
                none = algebra.and(none, algebra.not(algebra.eq(wan, index(i))));
        }
        return none;
    }

    /** The packet of a solver witness, with the WAN its connection is balanced to in either version. */
    ConcretePacket witnessPacket(Map<String, BigInteger> values) {
        ConcretePacket packet = PacketInput.decodePacket(before, values, "");
        if (before.balancesConnections() || !after.balancesConnections()) return packet;
        String wan = after.balancedWan(values.getOrDefault(AFTER_PREFIX + PacketInput.WAN, BigInteger.ZERO));
        return wan == null ? packet : packet.balancedTo(wan);
    }

    private V index(int value) {
        return algebra.bits(value, CompiledRouter.INDEX_WIDTH);
    }

    /** The header algebra this pair is built over, for goals written against it. */
    HeaderAlgebra<B, V> headerAlgebra() {
        return algebra;
    }
}
