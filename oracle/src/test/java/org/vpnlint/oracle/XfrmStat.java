package org.vpnlint.oracle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The XFRM error counters of one network namespace ({@code /proc/net/xfrm_stat}), e.g. XfrmOutNoStates
 * (an outbound policy matched but had no state) or XfrmInTmplMismatch (an arriving packet failed an in/fwd
 * policy check).
 */
public record XfrmStat(Map<String, Long> counters) {

    public XfrmStat {
        counters = Map.copyOf(counters);
    }

    /** Reads the "Name  value" lines of /proc/net/xfrm_stat. */
    static XfrmStat parse(String procText) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String line : procText.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2) {
                counters.put(fields[0], Long.parseLong(fields[1]));
            }
        }
        return new XfrmStat(counters);
    }

    /** The counters that grew since {@code before}, with how much. */
    Map<String, Long> changesSince(XfrmStat before) {
        Map<String, Long> changes = new LinkedHashMap<>();
        counters.forEach((name, value) -> {
            long delta = value - before.counters.getOrDefault(name, 0L);
            if (delta != 0) {
                changes.put(name, delta);
            }
        });
        return changes;
    }
}
