package org.vpnlint.parser.dialect;

import java.util.List;

/**
 * Where a dialect writes a peer's remote address, identities and UDP encapsulation: the one point where the
 * 1.2/1.3/EdgeOS peer syntax and the 1.4/1.5 one differ. Everything else about peers is shared.
 */
interface PeerIdentitySyntax {

    /** What a peer's identity nodes say, as VyOS renders them for strongSwan. */
    record PeerIdentity(List<String> remoteAddresses, String localId, String remoteId, boolean forceUdpEncapsulation) {}

    PeerIdentity read(ConfigSection peer, ConfigSection authentication);

    /** The identities VyOS writes next to an inline {@code authentication pre-shared-secret}. */
    List<String> inlineKeyIds(String peerName, String localAddress, PeerIdentity identity);

    static PeerIdentitySyntax of(boolean legacy) {
        return legacy ? new AddressKeyedPeerSyntax() : new NamedPeerSyntax();
    }
}
