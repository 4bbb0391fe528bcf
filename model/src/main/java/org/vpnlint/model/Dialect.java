package org.vpnlint.model;

/**
 * The configuration languages vpnlint reads. VyOS 1.2 and 1.3 share the old IPsec and NAT syntax (1.3 renamed
 * tunnel {@code local-ip}/{@code remote-ip}); 1.4 and 1.5 share the new one. Defaults differ between them
 * (e.g. DPD action hold in 1.3, clear in 1.4), so the model keeps the exact family.
 */
public enum Dialect {
    VYOS_1_2("VyOS 1.2", true),
    VYOS_1_3("VyOS 1.3", true),
    VYOS_1_4("VyOS 1.4", false),
    VYOS_1_5("VyOS 1.5", false),
    EDGEOS("EdgeOS", true);

    private final String displayName;
    private final boolean legacyIpsecSyntax;

    Dialect(String displayName, boolean legacyIpsecSyntax) {
        this.displayName = displayName;
        this.legacyIpsecSyntax = legacyIpsecSyntax;
    }

    public String displayName() {
        return displayName;
    }

    /** True where peers are keyed by address and NAT rules use {@code outbound-interface eth0} (1.2, 1.3, EdgeOS). */
    public boolean legacyIpsecSyntax() {
        return legacyIpsecSyntax;
    }
}
