package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * 1.4/1.5 peers: the tag is only a name; {@code remote-address} (several allowed, {@code any} = %any),
 * {@code authentication local-id}/{@code remote-id}, valueless {@code force-udp-encapsulation}. Keys live in
 * {@code vpn ipsec authentication psk}; an inline {@code pre-shared-secret} (pre-migration 1.4) belongs to the
 * peer's ids and addresses, as migration 10-to-11 would write them.
 */
final class NamedPeerSyntax implements PeerIdentitySyntax {

    @Override
    public PeerIdentity read(ConfigSection peer, ConfigSection authentication) {
        List<String> remote = peer.values("remote-address");
        String localId = null;
        String remoteId = null;
        if (authentication != null) {
            localId = authentication.value("local-id");
            remoteId = authentication.value("remote-id");
        }
        return new PeerIdentity(remote, localId, remoteId, peer.flag("force-udp-encapsulation"));
    }

    @Override
    public List<String> inlineKeyIds(String peerName, String localAddress, PeerIdentity identity) {
        List<String> ids = new ArrayList<>();
        if (identity.localId() != null) ids.add(identity.localId());
        if (identity.remoteId() != null) ids.add(identity.remoteId());
        if (localAddress != null) ids.add(localAddress.equals("any") ? "%any" : localAddress);
        for (String remote : identity.remoteAddresses()) ids.add(remote.equals("any") ? "%any" : remote);
        return ids;
    }
}
