package org.vpnlint.datapath;

import org.vpnlint.model.SourceLocation;

/** What a step did ({@code rule 10: src 192.168.10.100 → 203.0.113.134}) and the configuration node that acted. */
public record Explanation(String detail, SourceLocation location) {

    public static Explanation of(String detail) {
        return new Explanation(detail, null);
    }
}
