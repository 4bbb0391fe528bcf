package org.vpnlint.checks.ike.pairing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.PskEntry;
import org.vpnlint.model.Router;

/**
 * Every pre-shared key charon would hold on one router, and strongSwan's choice among them
 * ({@code credential_manager.get_shared}): a secret is a candidate when either identity matches one of its owners;
 * the best match on the other side's identity wins, then the best match on our own
 * (docs/semantics/strongswan.md#psk-selection).
 *
 * <p>VyOS 1.4+ writes {@code vpn ipsec authentication psk} entries keyed by their ids. 1.2/1.3 and EdgeOS write
 * one ipsec.secrets line per peer, {@code <local-address> <peer> [id] [remote-id] : PSK}; when the mapper already
 * turned those into {@link PskEntry}s (tag = peer name) they are used, otherwise they are derived here the same way.
 */
public final class RouterSecrets {

    private final List<LoadedSecret> secrets;

    private RouterSecrets(List<LoadedSecret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    public static RouterSecrets of(Router router) {
        List<LoadedSecret> loaded = new ArrayList<>();
        for (PskEntry entry : router.ipsec().presharedKeys()) {
            loaded.add(new LoadedSecret(
                    entry.tag(),
                    entry.ids().stream().map(IkeIdentity::parse).toList(),
                    entry.secret(),
                    entry.location()));
        }
        if (router.dialect().legacyIpsecSyntax()) {
            for (IpsecPeer peer : router.ipsec().peers()) {
                boolean mapped = router.ipsec().presharedKeys().stream()
                        .anyMatch(e -> e.tag().equals(peer.name()));
                if (!mapped && peer.presharedKey() != null && !peer.disabled()) {
                    loaded.add(legacySecretLine(peer));
                }
            }
        }
        return new RouterSecrets(loaded);
    }

    /** The ipsec.secrets line vpn-config.pl writes for a 1.2/1.3/EdgeOS peer, as identities. */
    private static LoadedSecret legacySecretLine(IpsecPeer peer) {
        List<IkeIdentity> owners = new ArrayList<>();
        if (peer.localAddress() != null && !peer.localAddress().equals("any")) {
            owners.add(IkeIdentity.parse(peer.localAddress()));
        }
        boolean anyPeer = peer.name().startsWith("@")
                || peer.name().equals("any")
                || peer.name().equals("0.0.0.0");
        owners.add(anyPeer ? IkeIdentity.ANY : IkeIdentity.parse(peer.name()));
        if (peer.localId() != null) owners.add(IkeIdentity.parse(peer.localId()));
        if (peer.remoteId() != null) owners.add(IkeIdentity.parse(peer.remoteId()));
        return new LoadedSecret("peer " + peer.name(), owners, peer.presharedKey(), peer.location());
    }

    public List<LoadedSecret> all() {
        return secrets;
    }

    /** The secret charon picks for {@code me} and {@code other}, or empty ("no shared key found"). */
    public Optional<LoadedSecret> lookup(IkeIdentity me, IkeIdentity other) {
        Comparator<LoadedSecret> byOther = Comparator.comparingInt(s -> s.matchQuality(other));
        Comparator<LoadedSecret> ranking = byOther.thenComparingInt(s -> s.matchQuality(me));
        LoadedSecret best = null;
        for (LoadedSecret secret : secrets) {
            if (secret.matchQuality(me) == 0 && secret.matchQuality(other) == 0) continue;
            // strictly better only: among equals the first loaded wins, as in charon's enumeration
            if (best == null || ranking.compare(secret, best) > 0) best = secret;
        }
        return Optional.ofNullable(best);
    }
}
