package org.vpnlint.checks.filter;

import inet.ipaddr.IPAddressSeqRange;
import java.util.Collections;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.ProtocolMatch;

/**
 * A cheap, one-sided test that spares the solver rules which obviously cannot match the same packet: both name
 * plain (not negated) addresses that do not intersect, plain protocols in common with none, or plain interface
 * names in common with none. "Not obviously disjoint" proves nothing; the solver decides those.
 */
final class DisjointRules {

    private DisjointRules() {
    }

    static boolean obviously(ChainEntry a, ChainEntry b) {
        PacketMatch left = match(a);
        PacketMatch right = match(b);
        return disjoint(left.source(), right.source()) || disjoint(left.destination(), right.destination())
                || disjoint(left.protocol(), right.protocol())
                || disjoint(inbound(a), inbound(b)) || disjoint(outbound(a), outbound(b));
    }

    private static PacketMatch match(ChainEntry entry) {
        return entry instanceof ChainEntry.Filter filter ? filter.rule().match() : ((ChainEntry.Nat) entry).rule().match();
    }

    private static InterfaceMatch inbound(ChainEntry entry) {
        if (entry instanceof ChainEntry.Filter filter) return filter.rule().inbound();
        var rule = ((ChainEntry.Nat) entry).rule();
        return rule.direction() == org.vpnlint.model.NatDirection.DESTINATION ? rule.interfaceMatch() : InterfaceMatch.ANY;
    }

    private static InterfaceMatch outbound(ChainEntry entry) {
        if (entry instanceof ChainEntry.Filter filter) return filter.rule().outbound();
        var rule = ((ChainEntry.Nat) entry).rule();
        return rule.direction() == org.vpnlint.model.NatDirection.SOURCE ? rule.interfaceMatch() : InterfaceMatch.ANY;
    }

    private static boolean disjoint(AddressMatch a, AddressMatch b) {
        if (a.isAny() || b.isAny() || a.negated() || b.negated()) return false;
        for (IPAddressSeqRange left : a.ranges()) {
            for (IPAddressSeqRange right : b.ranges()) {
                if (left.getLower().getIPVersion() == right.getLower().getIPVersion() && left.overlaps(right)) return false;
            }
        }
        return true;
    }

    private static boolean disjoint(ProtocolMatch a, ProtocolMatch b) {
        if (a.isAny() || b.isAny() || a.negated() || b.negated()) return false;
        return Collections.disjoint(a.protocols(), b.protocols());
    }

    /** Only exact names: a wildcard or a negation may match names the other one lists. */
    private static boolean disjoint(InterfaceMatch a, InterfaceMatch b) {
        if (a == null || b == null || a.isAny() || b.isAny() || a.negated() || b.negated()) return false;
        boolean wildcard = a.names().stream().anyMatch(DisjointRules::isWildcard) || b.names().stream().anyMatch(DisjointRules::isWildcard);
        return !wildcard && Collections.disjoint(a.names(), b.names());
    }

    private static boolean isWildcard(String name) {
        return name.endsWith("+") || name.endsWith("*");
    }
}
