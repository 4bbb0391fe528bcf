package org.vpnlint.parser.dialect;

import org.vpnlint.model.Dialect;

/** What every mapper of one file needs: the dialect it is read as, where problems go, and the firewall groups. */
record MappingContext(Dialect dialect, MappingProblems problems, FirewallGroups groups) {

    PacketMatchReader matches() {
        return new PacketMatchReader(groups);
    }

    /** 1.2, 1.3 and EdgeOS: peers keyed by address, {@code firewall name}, interface attachments. */
    boolean legacySyntax() {
        return dialect.legacyIpsecSyntax();
    }
}
