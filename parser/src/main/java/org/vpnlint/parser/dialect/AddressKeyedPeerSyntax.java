package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * 1.2/1.3/EdgeOS peers ({@code vyatta-cfg-vpn}): the tag is the remote address, {@code @id}, {@code any} or
 * {@code 0.0.0.0}. An {@code @id} tag makes strongSwan accept that identity from any address ({@code right=%any},
 * {@code rightid=@id}), so the model gives such a peer no remote address and the tag as remote id.
 * The local id is {@code authentication id}; {@code force-encapsulation enable} forces UDP encapsulation.
 * The inline key belongs to {@code <local-address> <peer> [id] [remote-id]} (ipsec.secrets), with
 * {@code any} and {@code @id}/{@code any} peers written as {@code %any}.
 */
final class AddressKeyedPeerSyntax implements PeerIdentitySyntax {

    @Override
    public PeerIdentity read(ConfigSection peer, ConfigSection authentication) {
        String tag = peer.node().word();
        List<String> remote = anyRemote(tag) ? List.of() : List.of(tag);
        String localId = null;
        String remoteId = tag.startsWith("@") ? tag : null;
        if (authentication != null) {
            localId = authentication.value("id");
            String written = authentication.value("remote-id");
            if (written != null) remoteId = written;
        }
        boolean force = "enable".equals(peer.value("force-encapsulation"));
        return new PeerIdentity(remote, localId, remoteId, force);
    }

    @Override
    public List<String> inlineKeyIds(String peerName, String localAddress, PeerIdentity identity) {
        List<String> ids = new ArrayList<>();
        if (localAddress != null) ids.add(localAddress.equals("any") ? "%any" : localAddress);
        ids.add(anyRemote(peerName) ? "%any" : peerName);
        if (identity.localId() != null) ids.add(identity.localId());
        if (identity.remoteId() != null) ids.add(identity.remoteId());
        return ids;
    }

    private static boolean anyRemote(String tag) {
        return tag.startsWith("@") || tag.equals("any") || tag.equals("0.0.0.0");
    }
}
