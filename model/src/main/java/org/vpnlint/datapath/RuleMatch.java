package org.vpnlint.datapath;

import java.util.Set;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.PacketMatch;

/**
 * Whether a firewall or NAT rule matches a header, as the pipeline's filter hooks and NAT chains decide it: address
 * ranges of the chain's family, {@code !} negating a whole condition, port conditions requiring TCP or UDP, interface
 * conditions needing an interface the hook has. Public so that rule questions (shadowed rules, unreachable rules)
 * ask with exactly the pipeline's semantics; what differs between callers is only how interfaces are numbered and
 * which connection states a packet may be in, given as {@link Interfaces} and {@link States}.
 */
public final class RuleMatch<B, V> {

    /** The interface conditions over the caller's interface term ({@code eth0}, {@code eth+}, {@code !eth1}). */
    public interface Interfaces<B> {
        B matches(InterfaceMatch match);
    }

    /** Whether the packet's conntrack state is one of these ({@code state established,related}). */
    public interface States<B> {
        B anyOf(Set<ConnectionState> states);
    }

    private final HeaderAlgebra<B, V> algebra;
    private final HeaderPredicates<B, V> header;

    public RuleMatch(HeaderAlgebra<B, V> algebra, AddressFamily family, Header<V> header) {
        this(algebra, new HeaderPredicates<>(algebra, family, header));
    }

    /** Over predicates the pipeline already built for this header, so that rules share their terms. */
    RuleMatch(HeaderAlgebra<B, V> algebra, HeaderPredicates<B, V> header) {
        this.algebra = algebra;
        this.header = header;
    }

    /** The header conditions: addresses, protocol, ports. */
    public B packet(PacketMatch match) {
        return header.matches(match);
    }

    public B destinationIn(AddressMatch match) {
        return match.isAny() ? algebra.bool(true) : header.destinationIn(match);
    }

    /**
     * A filter rule.
     *
     * @param inbound   the input interface, null at a hook without one (output)
     * @param outbound  the output interface, null at a hook without one (input)
     * @param decrypted whether the packet came out of an IPsec SA ({@code ipsec match-ipsec} / {@code match-none})
     */
    public B firewallRule(
            FirewallRule rule, Interfaces<B> inbound, Interfaces<B> outbound, States<B> states, B decrypted) {
        B result = packet(rule.match());
        result = algebra.and(result, interfaceIs(inbound, rule.inbound()));
        result = algebra.and(result, interfaceIs(outbound, rule.outbound()));
        if (!rule.states().isEmpty()) result = algebra.and(result, states.anyOf(rule.states()));
        if (rule.ipsec() != null) {
            switch (rule.ipsec()) {
                case IPSEC -> result = algebra.and(result, decrypted);
                case NONE -> result = algebra.and(result, algebra.not(decrypted));
                case ANY -> {}
            }
        }
        return result;
    }

    /**
     * A NAT rule; {@code interfaces} is the one it looks at: the output interface for source rules (POSTROUTING),
     * the input interface for destination rules (PREROUTING).
     */
    public B natRule(NatRule rule, Interfaces<B> interfaces) {
        return algebra.and(interfaceIs(interfaces, rule.interfaceMatch()), packet(rule.match()));
    }

    /** No condition matches every packet; a condition on an interface the hook does not have never matches. */
    private B interfaceIs(Interfaces<B> interfaces, InterfaceMatch match) {
        if (match == null || match.isAny()) return algebra.bool(true);
        return interfaces == null ? algebra.bool(false) : interfaces.matches(match);
    }
}
