package org.vpnlint.oracle;

/**
 * A policy-routing rule {@code ip rule add pref P [fwmark M] lookup T}, e.g. strongSwan's pref 220 → table 220, or
 * VyOS's pref N fwmark 0x7fffffff-N → table N for {@code policy route ... set table N}.
 *
 * @param fwmark the mark the rule requires, or null for every packet
 */
public record RoutingRule(int preference, int table, Long fwmark) {

    public RoutingRule(int preference, int table) {
        this(preference, table, null);
    }

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
        String mark = fwmark == null ? "" : " fwmark 0x" + Long.toHexString(fwmark);
        return "rule add pref " + preference + mark + " lookup " + table;
    }

    String deleteCommand() {
        return "rule del pref " + preference;
    }
}
