package org.vpnlint.model;

import java.util.List;

/**
 * A {@code site-to-site peer}. {@code name} is the tag as written (an address, {@code @id} or a 1.4 name).
 * {@code remoteAddresses} are what strongSwan uses as remote_addrs (1.2/1.3: the tag itself when it is an
 * address; {@code any} or empty = %any). {@code localAddress} is an address, "any", or null when
 * {@code dhcp-interface} is used. {@code localId}/{@code remoteId} are null when unset; a 1.2/1.3 peer tagged
 * {@code @id} has {@code remoteId} "@id", as VyOS renders {@code rightid=@id}. {@code connectionType} is
 * null when unset. {@code vtiInterface} is set for route-based peers ({@code vti bind vtiN}).
 */
public record IpsecPeer(
        String name,
        List<String> remoteAddresses,
        String localAddress,
        AuthenticationMode authenticationMode,
        String localId,
        String remoteId,
        PresharedKey presharedKey,
        ConnectionType connectionType,
        String ikeGroup,
        String defaultEspGroup,
        List<IpsecTunnel> tunnels,
        String vtiInterface,
        String vtiEspGroup,
        boolean forceUdpEncapsulation,
        boolean disabled,
        String path,
        SourceLocation location) {

    public IpsecPeer {
        remoteAddresses = List.copyOf(remoteAddresses);
        tunnels = List.copyOf(tunnels);
    }

    /** The same peer with only these tunnels (e.g. the ones a question is about). */
    public IpsecPeer withTunnels(List<IpsecTunnel> kept) {
        return new IpsecPeer(
                name,
                remoteAddresses,
                localAddress,
                authenticationMode,
                localId,
                remoteId,
                presharedKey,
                connectionType,
                ikeGroup,
                defaultEspGroup,
                kept,
                vtiInterface,
                vtiEspGroup,
                forceUdpEncapsulation,
                disabled,
                path,
                location);
    }
}
