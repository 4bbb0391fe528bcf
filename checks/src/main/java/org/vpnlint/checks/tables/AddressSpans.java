package org.vpnlint.checks.tables;

import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.model.AddressMatch;

/**
 * The spans of one address family that address conditions name, computed once per list of ranges: the rules naming
 * one group share its list, so a chain of thousands of rules over a few large groups converts each group once, and
 * its rules share one span list (which {@link FieldScale} then turns into pieces once).
 */
final class AddressSpans {

    private final AddressFamily family;
    private final Map<List<IPAddressSeqRange>, List<FieldCondition.Span>> byList = new IdentityHashMap<>();

    AddressSpans(AddressFamily family) {
        this.family = family;
    }

    AddressFamily family() {
        return family;
    }

    /** The condition on one address field: ranges of the other family never match. */
    FieldCondition condition(AddressMatch match) {
        if (match.isAny()) return FieldCondition.ANY;
        return new FieldCondition(byList.computeIfAbsent(match.ranges(), this::spans), match.negated());
    }

    private List<FieldCondition.Span> spans(List<IPAddressSeqRange> ranges) {
        List<FieldCondition.Span> inside = new ArrayList<>();
        for (IPAddressSeqRange range : ranges) {
            if (range.getLower().isIPv4() != (family == AddressFamily.IPV4)) continue;
            inside.add(new FieldCondition.Span(
                    range.getLower().getValue(), range.getUpper().getValue()));
        }
        return List.copyOf(inside);
    }
}
