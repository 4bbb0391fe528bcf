package org.vpnlint.cli.analysis;

import java.time.LocalDate;
import java.util.List;
import org.vpnlint.parser.ConfigNode;

/**
 * One {@code vpnlint:ignore} comment: the rules it silences, the reason the user gave, an optional expiry date,
 * and the configuration node the comment was written on (it silences findings on that node and below).
 */
public record Suppression(List<String> ruleIds, String reason, LocalDate expires, ConfigNode node) {

    public Suppression {
        ruleIds = List.copyOf(ruleIds);
    }

    public boolean silences(String ruleId) {
        return ruleIds.contains(ruleId);
    }

    public boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }
}
