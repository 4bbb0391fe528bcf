package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.Router;

/**
 * The exclude rule(s) that keep a tunnel's traffic away from a source NAT rule, numbered below it, in the
 * dialect's syntax: {@code outbound-interface eth0} (1.2/1.3), {@code outbound-interface name eth0} (1.4/1.5),
 * {@code service nat rule N type source ... exclude} (EdgeOS). One rule per remote prefix.
 */
final class NatExcludeFix {

    private NatExcludeFix() {}

    /**
     * @param egress the interface the witness left by, used when the NAT rule's own interface condition is a
     *               wildcard, a list or a negation
     * @return the fix, or null when no free rule number is left below the NAT rule
     */
    static ConfigChange forRule(Router router, NatRule snat, List<IPAddress> remotePrefixes, String egress) {
        List<Integer> numbers = freeNumbersBelow(router, snat.number(), remotePrefixes.size());
        if (numbers == null) return null;
        boolean edgeos = router.dialect() == Dialect.EDGEOS;
        String outbound = outboundInterface(snat.interfaceMatch(), egress, router.dialect());
        ConfigChange change = new ConfigChange();
        for (int i = 0; i < remotePrefixes.size(); i++) {
            List<Segment> rule = edgeos
                    ? List.of(Segment.of("service"), Segment.of("nat"), Segment.of("rule", numbers.get(i)))
                    : List.of(Segment.of("nat"), Segment.of("source"), Segment.of("rule", numbers.get(i)));
            if (edgeos) change.set(rule, Segment.of("type", "source"));
            if (outbound != null) {
                if (router.dialect().legacyIpsecSyntax()) change.set(rule, Segment.of("outbound-interface", outbound));
                else change.set(rule, Segment.of("outbound-interface"), Segment.of("name", outbound));
            }
            change.set(rule, Segment.of("destination"), Segment.of("address", prefixText(remotePrefixes.get(i))));
            change.set(rule, Segment.of("exclude"));
        }
        if (edgeos) {
            change.remark(
                    "or let EdgeOS exclude every tunnel's prefixes itself: set vpn ipsec auto-firewall-nat-exclude enable");
        }
        return change;
    }

    /** The rule's own interface when it names exactly one; 1.4 may leave it out, 1.2/1.3/EdgeOS need one. */
    private static String outboundInterface(InterfaceMatch match, String egress, Dialect dialect) {
        if (match.names().size() == 1 && !match.negated()) return match.names().get(0);
        if (match.isAny()) return dialect.legacyIpsecSyntax() ? "any" : null;
        return egress;
    }

    /**
     * {@code count} source NAT rule numbers free below {@code number} ({@link ConfigChange#freeRuleNumbersBelow}).
     * EdgeOS numbers source and destination rules in one list.
     */
    static List<Integer> freeNumbersBelow(Router router, int number, int count) {
        NatConfig nat = router.nat() == null ? NatConfig.NONE : router.nat();
        Set<Integer> used = new HashSet<>();
        nat.sourceRules().forEach(r -> used.add(r.number()));
        if (router.dialect() == Dialect.EDGEOS) nat.destinationRules().forEach(r -> used.add(r.number()));
        return ConfigChange.freeRuleNumbersBelow(used, number, count);
    }

    /** A prefix as VyOS writes it, always with its length: {@code 10.10.10.0/24}, {@code 10.10.0.2/32}. */
    static String prefixText(IPAddress prefix) {
        Integer length = prefix.getNetworkPrefixLength();
        if (length == null) return prefix.toCompressedString() + "/" + prefix.getBitCount();
        return prefix.toPrefixBlock().toCompressedString();
    }
}
