package org.vpnlint.oracle.ike;

import inet.ipaddr.IPAddressString;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.EspProposal;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IkeProposal;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PresharedKey;
import org.vpnlint.model.PskEntry;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/**
 * One router's side of a pair, in configuration terms: what a user would write under {@code vpn ipsec} for the
 * peer. {@code peerName} is the 1.2/1.3 tag (an address or {@code @id}) or the 1.4 name; {@code remoteAddress}
 * is 1.4's remote-address (null = any). {@code pskIds} are the 1.4 {@code authentication psk} ids.
 */
record SideSpec(
        Dialect dialect,
        String peerName,
        String remoteAddress,
        String localAddress,
        String localId,
        String remoteId,
        ConnectionType connectionType,
        Integer ikeVersion,
        IkeProposal ikeProposal,
        EspProposal espProposal,
        String pfs,
        String secret,
        List<String> pskIds,
        String localPrefix,
        String remotePrefix) {

    SideSpec {
        pskIds = List.copyOf(pskIds);
    }

    /** Builds the router with one ethernet interface holding {@code interfaceAddress}/24. */
    Router toRouter(String name, String interfaceAddress, Map<PresharedKey, String> secrets) {
        String file = name + ".conf";
        PresharedKey key = PresharedKey.of(secret);
        secrets.put(key, secret);
        SourceLocation peerAt = SourceLocation.at(file, 10, 1);
        IpsecTunnel tunnel = new IpsecTunnel(
                1,
                List.of(new IPAddressString(localPrefix).getAddress()),
                List.of(new IPAddressString(remotePrefix).getAddress()),
                null,
                null,
                null,
                null,
                false,
                SourceLocation.at(file, 20, 1));
        boolean legacy = dialect.legacyIpsecSyntax();
        List<String> remoteAddresses = legacy ? List.of() : remoteAddress == null ? List.of() : List.of(remoteAddress);
        IpsecPeer peer = new IpsecPeer(
                peerName,
                remoteAddresses,
                localAddress,
                AuthenticationMode.PRE_SHARED_SECRET,
                localId,
                remoteId,
                legacy ? key : null,
                connectionType,
                "IKE",
                "ESP",
                List.of(tunnel),
                null,
                null,
                false,
                false,
                "vpn ipsec site-to-site peer " + peerName,
                peerAt);
        IkeGroup ike = new IkeGroup(
                "IKE", ikeVersion, List.of(ikeProposal), null, null, null, false, SourceLocation.at(file, 2, 1));
        EspGroup esp = new EspGroup("ESP", null, pfs, List.of(espProposal), null, SourceLocation.at(file, 5, 1));
        List<PskEntry> psk =
                legacy ? List.of() : List.of(new PskEntry(peerName, pskIds, key, SourceLocation.at(file, 30, 1)));
        IpsecConfig ipsec = new IpsecConfig(
                List.of(peer), Map.of("IKE", ike), Map.of("ESP", esp), psk, List.of("eth0"), false, true, null);
        NetInterface eth0 = new NetInterface(
                "eth0",
                InterfaceKind.ETHERNET,
                List.of(new IPAddressString(interfaceAddress + "/24").getAddress()),
                false,
                false,
                null,
                false,
                SourceLocation.at(file, 1, 1));
        return new Router(name, file, dialect, List.of(eth0), List.of(), NatConfig.NONE, FirewallConfig.OPEN, ipsec);
    }

    String describe() {
        return dialect.displayName() + " peer " + peerName
                + (remoteAddress == null ? "" : " remote-address " + remoteAddress)
                + " local-address " + localAddress
                + (localId == null ? "" : " local-id " + localId)
                + (remoteId == null ? "" : " remote-id " + remoteId)
                + " "
                + (connectionType == null
                        ? "initiate(default)"
                        : connectionType.name().toLowerCase())
                + " ike v" + (ikeVersion == null ? "default" : ikeVersion) + " " + ikeProposal.encryption() + "-"
                + ikeProposal.hash() + "-dh" + ikeProposal.dhGroup()
                + " esp " + espProposal.encryption() + "-" + espProposal.hash() + " pfs " + pfs
                + (dialect.legacyIpsecSyntax() ? "" : " psk ids " + pskIds)
                + " ts " + localPrefix + "=" + remotePrefix;
    }
}
