package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.SourceLocation;

/**
 * One step of a trace, as data: what acted and what it changed, in the manner of Batfish's typed trace steps. The
 * data path's steps ({@link PacketStep}) say which stage ran, which configuration node decided (its file and line
 * where the pipeline knows it) and the packet's header after the step, with the header before it where the step
 * rewrites it. Other analyses add steps they tell only in words ({@link Note}: an IKE exchange, the first match in
 * a rule chain). {@link StepText} turns any step into the English of traces and reports.
 */
public sealed interface TraceStep permits TraceStep.PacketStep, TraceStep.Note {

    /** The stable id of the stage, e.g. {@code postrouting-snat} or {@code IKE_AUTH}. */
    String stageId();

    /** The configuration node that acted, or null when the kernel acted on its own (a connected route, say). */
    SourceLocation location();

    /** The packet's header after the step; null for a step that is not a packet's. */
    ConcreteHeader header();

    /** A step of the Linux data path, as the pipeline records it in a concrete replay. */
    sealed interface PacketStep extends TraceStep
            permits Decryption,
                    PolicyRouting,
                    Translation,
                    Route,
                    OwnConnectionBalancing,
                    InboundCheck,
                    PolicyMatch,
                    OwnPacketNotTranslated,
                    FilterDecision,
                    Delivery,
                    Encryption,
                    Discard,
                    Encapsulation,
                    CleartextTransmission,
                    EncryptedTransmission {

        Stage stage();

        @Override
        default String stageId() {
            return stage().id();
        }
    }

    // ---- what the steps refer to -------------------------------------------------------------------------------

    /**
     * A tunnel as steps name it: {@code tunnel 1 of peer 192.0.2.150} with its selectors ({@code 192.168.10.0/24 →
     * 10.10.10.0/24}) and its place in the configuration. Only these, so a step never carries a peer's secrets.
     */
    record Tunnel(TunnelRef ref, String selectors, SourceLocation location) {

        static Tunnel of(CompiledTunnel tunnel) {
            return new Tunnel(tunnel.ref(), tunnel.selectorText(), tunnel.location());
        }
    }

    /** A NAT rule as steps name it ({@code rule 10}) and where it is written. */
    record NatRuleRef(String label, SourceLocation location) {

        static NatRuleRef of(CompiledNatRule rule) {
            return new NatRuleRef(rule.label(), rule.rule().location());
        }
    }

    /** A policy-routing rule as steps name it ({@code policy route WAN2 rule 10 (table 10)}) and where it is written. */
    record PolicyRuleRef(String label, SourceLocation location) {

        static PolicyRuleRef of(CompiledPolicyRule rule) {
            return new PolicyRuleRef(rule.rule().label(), rule.rule().location());
        }
    }

    /** The table policy routing marked a packet for (the route lookup consults it first) and the rule that did. */
    record TableMark(int table, PolicyRuleRef rule) {}

    /**
     * What a load-balancing rule did with the packet's connection: with its group configured ({@code configured}),
     * marked it for {@code wan} (one WAN of {@code group}; another connection may get another); without, nothing.
     */
    record Balancing(boolean configured, String wan, String group) {}

    // ---- the data path's steps, in kernel order ----------------------------------------------------------------

    /**
     * ESP arrived from a tunnel's peer. With the SA up, it is decrypted and the inner packet ({@code header})
     * enters PREROUTING on {@code innerIngress}: the ESP's interface for a policy-based tunnel, the VTI for a
     * route-based one. With the SA down, the ESP packet is dropped ({@code header} is then still the arrival).
     *
     * @param peer the peer's address, or its name when the address is unknown
     */
    record Decryption(
            Tunnel tunnel, String peer, boolean saUp, String innerIngress, boolean viaVti, ConcreteHeader header)
            implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.DECRYPT;
        }

        @Override
        public SourceLocation location() {
            return tunnel.location();
        }
    }

    /**
     * A policy-routing rule of mangle PREROUTING matched the packet as it arrived ({@code header}) and decided:
     * {@code SET_TABLE} marks it for {@code table} (0 for {@code set table main}: the main lookup stays),
     * {@code DROP} drops it, {@code ACCEPT} ends the ruleset without a mark; {@code LOAD_BALANCE} marks the
     * connection for one WAN ({@code balancing}, null for the other actions).
     */
    record PolicyRouting(
            PolicyRuleRef rule, PolicyRouteAction action, int table, Balancing balancing, ConcreteHeader header)
            implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.PREROUTING_POLICY_ROUTE;
        }

        @Override
        public SourceLocation location() {
            return rule.location();
        }
    }

    /**
     * A NAT chain ran on the packet (destination NAT in PREROUTING, source NAT in POSTROUTING, also for the outer
     * packet): no rule matched ({@code rule} null), an exclude rule matched ({@code translated} false), or a rule
     * rewrote {@code before} into {@code header} (possibly to the same values).
     */
    record Translation(Stage stage, NatRuleRef rule, boolean translated, ConcreteHeader before, ConcreteHeader header)
            implements PacketStep {

        /** Whether this is destination NAT (else source NAT). */
        public boolean destinationNat() {
            return stage == Stage.PREROUTING_DNAT;
        }

        @Override
        public SourceLocation location() {
            return rule == null ? null : rule.location();
        }
    }

    /**
     * The FIB lookup of {@code header}'s destination: the route chosen, or null when there is none.
     *
     * @param egress the interface a forwarding route sends the packet out of, null for other routes
     * @param mark   the table policy routing marked the packet for, looked up first; null for an unmarked packet
     */
    record Route(RouteEntry route, String egress, TableMark mark, ConcreteHeader header) implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.ROUTE;
        }

        @Override
        public SourceLocation location() {
            return route == null ? null : route.location();
        }
    }

    /**
     * The router's own connection met the load balancer's chain in mangle OUTPUT. With {@code balancing} (a
     * balancing rule), it was marked for {@code balancing.wan()} and routed again by {@code table}, now leaving by
     * {@code egress} instead of {@code socketEgress}; without (an exclude), it stays unmarked on its route.
     */
    record OwnConnectionBalancing(
            PolicyRuleRef rule,
            Balancing balancing,
            int table,
            String socketEgress,
            String egress,
            ConcreteHeader header)
            implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.OUTPUT_LOAD_BALANCE;
        }

        @Override
        public SourceLocation location() {
            return rule.location();
        }
    }

    /**
     * The fwd or in policy check on the addresses as the packet arrived ({@code arrival}, NAT undone).
     *
     * @param matched     the tunnel whose inbound policy matches, null for none
     * @param decryptedBy the tunnel that decrypted the packet, null for a cleartext packet
     */
    record InboundCheck(Stage stage, Tunnel matched, Tunnel decryptedBy, ConcreteHeader arrival, ConcreteHeader header)
            implements PacketStep {

        @Override
        public SourceLocation location() {
            if (matched != null) return matched.location();
            return decryptedBy == null ? null : decryptedBy.location();
        }
    }

    /**
     * An outbound policy lookup on {@code header}: the tunnel whose policy matches (null for none), whether that
     * policy is a trap kept while the SA is down (and by which settings), and for the lookup after source NAT the
     * tunnel of lookup 1 whose match no longer counts ({@code discarded}, null when none). {@code bundleEgress} and
     * {@code routeEgress} name the SA bundle's device, which the filter and NAT hooks see as the outbound interface,
     * and the route's, when the two differ (both null otherwise).
     */
    record PolicyMatch(
            Stage stage,
            Tunnel matched,
            boolean trap,
            List<String> trapSettings,
            Tunnel discarded,
            String bundleEgress,
            String routeEgress,
            ConcreteHeader header)
            implements PacketStep {

        public PolicyMatch {
            trapSettings = List.copyOf(trapSettings);
        }

        public PolicyMatch(
                Stage stage,
                Tunnel matched,
                boolean trap,
                List<String> trapSettings,
                Tunnel discarded,
                ConcreteHeader header) {
            this(stage, matched, trap, trapSettings, discarded, null, null, header);
        }

        @Override
        public SourceLocation location() {
            if (matched != null) return matched.location();
            return discarded == null ? null : discarded.location();
        }
    }

    /** The router's own packet skips destination NAT: VyOS renders destination rules in PREROUTING only. */
    record OwnPacketNotTranslated(ConcreteHeader header) implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.OUTPUT_DNAT;
        }

        @Override
        public SourceLocation location() {
            return null;
        }
    }

    /**
     * A filter hook decided: the rule (or default action) that acted and what it did to the packet.
     *
     * @param action {@link FirewallAction#ACCEPT}, {@link FirewallAction#DROP} or {@link FirewallAction#REJECT}
     */
    record FilterDecision(Stage stage, FilterRuleRef rule, FirewallAction action, ConcreteHeader header)
            implements PacketStep {

        @Override
        public SourceLocation location() {
            return rule.location();
        }
    }

    /** The packet is for one of the router's addresses and is delivered to it. */
    record Delivery(ConcreteHeader header) implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.DELIVER;
        }

        @Override
        public SourceLocation location() {
            return null;
        }
    }

    /** A tunnel's SA encrypts the packet; {@code header} is the outer ESP (or UDP 4500) packet. */
    record Encryption(Tunnel tunnel, boolean udpEncapsulation, ConcreteHeader header) implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.ENCRYPT;
        }

        @Override
        public SourceLocation location() {
            return tunnel.location();
        }
    }

    /** The packet is routed into a dummy or loopback interface, which discards it. */
    record Discard(String device, InterfaceKind kind, SourceLocation location, ConcreteHeader header)
            implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.TRANSMIT;
        }
    }

    /**
     * The packet enters a GRE (or other) tunnel interface and is encapsulated between {@code outerSource} and
     * {@code outerDestination} (null when unknown). The model ends here: the outer packet is the router's own.
     */
    record Encapsulation(
            String device,
            int outerProtocol,
            IPAddress outerSource,
            IPAddress outerDestination,
            SourceLocation location,
            ConcreteHeader header)
            implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.TRANSMIT;
        }
    }

    /** The packet leaves {@code egress} unencrypted. */
    record CleartextTransmission(String egress, ConcreteHeader header) implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.TRANSMIT;
        }

        @Override
        public SourceLocation location() {
            return null;
        }
    }

    /** The outer packet ({@code outer}, after its own POSTROUTING) leaves {@code egress} carrying {@code header}. */
    record EncryptedTransmission(String egress, ConcreteHeader outer, TunnelRef tunnel, ConcreteHeader header)
            implements PacketStep {

        @Override
        public Stage stage() {
            return Stage.TRANSMIT;
        }

        @Override
        public SourceLocation location() {
            return null;
        }
    }

    // ---- steps of other analyses -------------------------------------------------------------------------------

    /**
     * A step another analysis tells in words: an IKE exchange of a replayed negotiation ({@code header} null), the
     * earlier rule that takes a chain's example packet ({@code headerText} the example), or a step whose words were
     * redacted. {@code header} is the packet's header field by field when there is one.
     */
    record Note(String stageId, String detail, SourceLocation location, String headerText, ConcreteHeader header)
            implements TraceStep {}
}
