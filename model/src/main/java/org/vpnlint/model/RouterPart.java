package org.vpnlint.model;

/**
 * The parts of a router whose completeness rules depend on: a rule that claims something is absent (an address,
 * a route, a NAT or firewall rule) may do so only when the part it looks in is shown whole.
 */
public enum RouterPart {
    INTERFACES("interfaces", "interfaces"),
    ROUTES("routes", "static routes"),
    NAT("nat", "NAT rules"),
    FIREWALL("firewall", "firewall rules");

    private final String id;
    private final String description;

    RouterPart(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used in {@code .vpnlint.yaml} ({@code complete: [interfaces, routes]}). */
    public String id() {
        return id;
    }

    /** What the part holds, for messages ("static routes"). */
    public String description() {
        return description;
    }

    /** The part named {@code id}, or null. */
    public static RouterPart byId(String id) {
        for (RouterPart part : values()) {
            if (part.id.equals(id)) return part;
        }
        return null;
    }
}
