package org.vpnlint.checks.ike.pairing;

import java.util.List;
import org.vpnlint.model.PresharedKey;
import org.vpnlint.model.SourceLocation;

/**
 * A pre-shared key as charon holds it after VyOS rendered the configuration: the identities it is keyed by and
 * the key's fingerprint. {@code label} names it for messages (the PSK tag or the peer it came from); the secret
 * itself is never available.
 */
public record LoadedSecret(String label, List<IkeIdentity> owners, PresharedKey key, SourceLocation location) {

    public LoadedSecret {
        owners = List.copyOf(owners);
    }

    /**
     * How well this secret matches an identity, as strongSwan's {@code has_owner}: 2 for an owner equal to the
     * identity, 1 when an owner is {@code %any}, 0 for no match. A queried {@code %any} matches only an owner %any.
     */
    public int matchQuality(IkeIdentity identity) {
        int best = 0;
        for (IkeIdentity owner : owners) {
            if (owner.isAny()) {
                best = Math.max(best, 1);
            } else if (!identity.isAny() && owner.equals(identity)) {
                best = 2;
            }
        }
        return best;
    }
}
