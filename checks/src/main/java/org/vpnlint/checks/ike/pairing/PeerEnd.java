package org.vpnlint.checks.ike.pairing;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;

/**
 * One end of a site-to-site IPsec connection: a peer on a router, with what VyOS renders for it resolved the way
 * charon will see it (IKE version, the address IKE leaves from, the identity it sends and the one it accepts,
 * remote addresses, start behaviour). Version differences between 1.2/1.3/EdgeOS and 1.4+ live here.
 */
public record PeerEnd(Router router, IpsecPeer peer) {

    public PeerEnd {
        Objects.requireNonNull(router);
        Objects.requireNonNull(peer);
    }

    /** e.g. {@code branch.conf peer 203.0.113.1}. */
    public String label() {
        return router.file() + " peer " + peer.name();
    }

    public boolean legacy() {
        return router.dialect().legacyIpsecSyntax();
    }

    public Optional<IkeGroup> ikeGroup() {
        return peer.ikeGroup() == null
                ? Optional.empty()
                : Optional.ofNullable(router.ipsec().ikeGroups().get(peer.ikeGroup()));
    }

    /** 1 or 2; 0 means either (1.4+ without {@code key-exchange}). 1.2/1.3 write {@code keyexchange=ikev1} by default. */
    public int ikeVersion() {
        return ikeVersion(router, ikeGroup().orElse(null));
    }

    /** The same for an IKE group of {@code router} used elsewhere (a DMVPN profile's); a missing group is unset. */
    public static int ikeVersion(Router router, IkeGroup group) {
        if (group != null && group.ikeVersion() != null) return group.ikeVersion();
        return router.dialect().legacyIpsecSyntax() ? 1 : 0;
    }

    /** The version this end speaks when it initiates: version 0 makes charon initiate IKEv2. */
    public int initiatingVersion() {
        return ikeVersion() == 0 ? 2 : ikeVersion();
    }

    public boolean acceptsVersion(int version) {
        return ikeVersion() == 0 || ikeVersion() == version;
    }

    public boolean localAddressAny() {
        return "any".equals(peer.localAddress()) || "%any".equals(peer.localAddress());
    }

    /** The configured local-address when it is an address, else null. */
    public IPAddress configuredLocalAddress() {
        return peer.localAddress() == null || localAddressAny() ? null : address(peer.localAddress());
    }

    /**
     * The address IKE packets leave from: the local-address, or with {@code local-address any} the address of the
     * IKE interface ({@code ipsec-interfaces}/{@code interface}). Null when it is dynamic (DHCP, PPPoE) or unknown.
     */
    public IPAddress ikeAddress() {
        IPAddress configured = configuredLocalAddress();
        if (configured != null) return configured;
        if (!localAddressAny()) return null;
        return ikeInterfaceAddress();
    }

    /**
     * The address this router really has for IKE: the local-address when it is assigned here, else the address of
     * the IKE interface (a local-address that is on no interface is usually the NAT's public address).
     */
    public IPAddress routerIkeAddress() {
        return localAddressOnRouter() ? ikeAddress() : ikeInterfaceAddress();
    }

    private IPAddress ikeInterfaceAddress() {
        for (String name : router.ipsec().ikeInterfaces()) {
            Optional<NetInterface> ikeInterface = router.findInterface(name);
            if (ikeInterface.isPresent()
                    && !ikeInterface.get().dynamicAddress()
                    && !ikeInterface.get().addresses().isEmpty()) {
                return ikeInterface.get().addresses().get(0).withoutPrefixLength();
            }
        }
        return null;
    }

    /**
     * Whether the local-address is an address of this router. When the file does not show all interfaces (a VPN-only
     * fragment), the address the peer's own configuration names for IKE is taken as the router's: nothing shown
     * says otherwise, and local-address-not-on-router says that it was not checked.
     */
    public boolean localAddressOnRouter() {
        IPAddress configured = configuredLocalAddress();
        return configured == null || routerHasAddress(configured);
    }

    /**
     * Whether the router has this address: on a shown interface, or, when the file does not show all interfaces,
     * as the local-address this peer names.
     */
    public boolean routerHasAddress(IPAddress address) {
        if (router.interfaceWithAddress(address).isPresent()) return true;
        IPAddress configured = configuredLocalAddress();
        return !router.shows(RouterPart.INTERFACES)
                && configured != null
                && configured.equals(address.withoutPrefixLength());
    }

    public boolean localIdConfigured() {
        return peer.localId() != null && !peer.localId().isBlank();
    }

    /** The identity sent in IKE_AUTH / Main Mode ID: the local id, else (strongSwan default) the IKE address. */
    public IkeIdentity sentIdentity() {
        if (localIdConfigured()) return IkeIdentity.parse(peer.localId());
        IPAddress address = ikeAddress();
        return address == null ? null : IkeIdentity.ofAddress(address);
    }

    /** The identity this end's own configuration names for itself (local.id), or ANY when unset. */
    public IkeIdentity configuredLocalIdentity() {
        return localIdConfigured() ? IkeIdentity.parse(peer.localId()) : IkeIdentity.ANY;
    }

    /**
     * The identity this end accepts from its partner (swanctl remote.id). 1.4+: remote-id, default %any.
     * 1.2/1.3/EdgeOS (ipsec.conf): an {@code @id} peer name, else remote-id, else {@code rightid} defaults to the
     * peer's address; {@code any}/{@code 0.0.0.0} peers accept any identity.
     */
    public IkeIdentity acceptedIdentity() {
        if (legacy()) {
            if (peer.name().startsWith("@")) return IkeIdentity.parse(peer.name());
            if (peer.remoteId() != null) return IkeIdentity.parse(peer.remoteId());
            List<IPAddress> remotes = remoteAddresses();
            return remotes.isEmpty() ? IkeIdentity.ANY : IkeIdentity.ofAddress(remotes.get(0));
        }
        return peer.remoteId() == null ? IkeIdentity.ANY : IkeIdentity.parse(peer.remoteId());
    }

    /** The partner's addresses (remote_addrs); empty means %any (an {@code @id} or {@code any} peer). */
    public List<IPAddress> remoteAddresses() {
        List<String> written = new ArrayList<>(peer.remoteAddresses());
        if (written.isEmpty() && legacy()) written.add(peer.name());
        List<IPAddress> addresses = new ArrayList<>();
        for (String text : written) {
            IPAddress address = address(text);
            if (address != null && !address.isZero()) addresses.add(address);
        }
        return addresses;
    }

    public StartAction startAction() {
        if (remoteAddresses().isEmpty()) return StartAction.NEVER;
        ConnectionType type = peer.connectionType();
        if (type == null || type == ConnectionType.INITIATE) return StartAction.START;
        return type == ConnectionType.RESPOND ? StartAction.ON_DEMAND : StartAction.NEVER;
    }

    public RouterSecrets secrets() {
        return RouterSecrets.of(router);
    }

    private static IPAddress address(String text) {
        IPAddress parsed = new IPAddressString(text.strip()).getAddress();
        return parsed == null || parsed.isPrefixed() && parsed.getNetworkPrefixLength() < parsed.getBitCount()
                ? null
                : parsed.withoutPrefixLength();
    }
}
