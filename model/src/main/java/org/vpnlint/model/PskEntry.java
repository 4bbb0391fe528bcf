package org.vpnlint.model;

import java.util.List;

/**
 * A pre-shared key with the identities it belongs to. VyOS 1.4+ writes these as
 * {@code vpn ipsec authentication psk TAG id ... secret ...}; for 1.2/1.3/EdgeOS the mapper derives one entry per
 * peer from its {@code authentication pre-shared-secret} with the ids VyOS renders for it.
 */
public record PskEntry(String tag, List<String> ids, PresharedKey secret, SourceLocation location) {

    public PskEntry {
        ids = List.copyOf(ids);
    }
}
