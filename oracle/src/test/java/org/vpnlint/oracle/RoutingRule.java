package org.vpnlint.oracle;

/** A policy-routing rule {@code ip rule add pref P lookup T}, e.g. strongSwan's pref 220 → table 220. */
public record RoutingRule(int preference, int table) {

    public RoutingRule {
        // 0, 32766 and 32767 are the kernel's own local/main/default rules; resetting must never delete them.
        if (preference <= 0 || preference >= 32766) {
            throw new IllegalArgumentException("rule preference must be between 1 and 32765: " + preference);
        }
    }

    public static RoutingRule strongSwanTable220() {
        return new RoutingRule(220, 220);
    }

    String addCommand() {
        return "rule add pref " + preference + " lookup " + table;
    }

    String deleteCommand() {
        return "rule del pref " + preference;
    }
}
