package org.vpnlint.checks.ike.pairing;

import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.Completeness;
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
import org.vpnlint.model.RouterPart;
import org.vpnlint.model.SourceLocation;

/**
 * A router with one site-to-site peer, written the way a test reads best: {@code SiteBuilder.vyos14("hq.conf")
 * .wan("203.0.113.2/24").peer("branch").remoteAddress("198.51.100.2")...build()}. The peer sits on line 10 of the
 * file, its tunnel on line 20, so findings can be checked by line.
 */
public final class SiteBuilder {

    private final String file;
    private final Dialect dialect;
    private String wan = "192.0.2.1/24";
    private String peerName = "peer";
    private final List<String> remoteAddresses = new ArrayList<>();
    private String localAddress;
    private String localId;
    private String remoteId;
    private ConnectionType connectionType;
    private Integer ikeVersion;
    private IkeProposal ikeProposal = new IkeProposal(1, "aes256", "sha256", "14", null);
    private EspProposal espProposal = new EspProposal(1, "aes256", "sha256");
    private String pfs;
    private String secret = "test-secret";
    private final List<String> pskIds = new ArrayList<>();
    private String localPrefix = "192.168.10.0/24";
    private String remotePrefix = "10.10.10.0/24";
    private Boolean natTraversal;

    private SiteBuilder(String file, Dialect dialect) {
        this.file = file;
        this.dialect = dialect;
    }

    /**
     * Only the VPN part of the router, as a documentation snippet shows it: no interfaces, and no part of the
     * router known to be complete.
     */
    public static Router vpnOnly(Router router) {
        Map<RouterPart, String> unshown = new EnumMap<>(RouterPart.class);
        for (RouterPart part : RouterPart.values())
            unshown.put(part, "the file is a fragment that shows no " + part.description());
        return new Router(
                router.name(),
                router.file(),
                router.dialect(),
                List.of(),
                router.routes(),
                router.nat(),
                router.firewall(),
                router.ipsec(),
                null,
                new Completeness(unshown));
    }

    public static SiteBuilder vyos14(String file) {
        return new SiteBuilder(file, Dialect.VYOS_1_4);
    }

    public static SiteBuilder vyos13(String file) {
        return new SiteBuilder(file, Dialect.VYOS_1_3);
    }

    /** eth0's address with prefix length; local-address defaults to it. */
    public SiteBuilder wan(String addressWithPrefix) {
        this.wan = addressWithPrefix;
        return this;
    }

    public SiteBuilder peer(String name) {
        this.peerName = name;
        return this;
    }

    public SiteBuilder remoteAddress(String address) {
        remoteAddresses.add(address);
        return this;
    }

    public SiteBuilder localAddress(String address) {
        this.localAddress = address;
        return this;
    }

    public SiteBuilder localId(String id) {
        this.localId = id;
        return this;
    }

    public SiteBuilder remoteId(String id) {
        this.remoteId = id;
        return this;
    }

    public SiteBuilder connectionType(ConnectionType type) {
        this.connectionType = type;
        return this;
    }

    public SiteBuilder ikeVersion(Integer version) {
        this.ikeVersion = version;
        return this;
    }

    public SiteBuilder ikeProposal(String encryption, String hash, String dhGroup) {
        this.ikeProposal = new IkeProposal(1, encryption, hash, dhGroup, null);
        return this;
    }

    public SiteBuilder espProposal(String encryption, String hash) {
        this.espProposal = new EspProposal(1, encryption, hash);
        return this;
    }

    public SiteBuilder pfs(String pfs) {
        this.pfs = pfs;
        return this;
    }

    public SiteBuilder secret(String secret) {
        this.secret = secret;
        return this;
    }

    /** 1.4 {@code authentication psk} ids; ignored for 1.2/1.3, whose secrets line is derived from the peer. */
    public SiteBuilder pskIds(String... ids) {
        pskIds.addAll(List.of(ids));
        return this;
    }

    public SiteBuilder prefixes(String local, String remote) {
        this.localPrefix = local;
        this.remotePrefix = remote;
        return this;
    }

    public SiteBuilder natTraversal(Boolean enabled) {
        this.natTraversal = enabled;
        return this;
    }

    public Router build() {
        String wanAddress = wan.substring(0, wan.indexOf('/'));
        PresharedKey key = PresharedKey.of(secret);
        boolean legacy = dialect.legacyIpsecSyntax();
        IpsecTunnel tunnel = new IpsecTunnel(
                1,
                List.of(new IPAddressString(localPrefix).getAddress()),
                List.of(new IPAddressString(remotePrefix).getAddress()),
                null,
                null,
                null,
                null,
                false,
                SourceLocation.at(file, 20, 13));
        IpsecPeer peer = new IpsecPeer(
                peerName,
                legacy ? List.of() : remoteAddresses,
                localAddress == null ? wanAddress : localAddress,
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
                SourceLocation.at(file, 10, 13));
        IkeGroup ike = new IkeGroup(
                "IKE", ikeVersion, List.of(ikeProposal), null, null, null, false, SourceLocation.at(file, 3, 9));
        EspGroup esp = new EspGroup("ESP", null, pfs, List.of(espProposal), null, SourceLocation.at(file, 6, 9));
        List<PskEntry> secrets =
                legacy ? List.of() : List.of(new PskEntry(peerName, pskIds, key, SourceLocation.at(file, 30, 9)));
        IpsecConfig ipsec = new IpsecConfig(
                List.of(peer),
                Map.of("IKE", ike),
                Map.of("ESP", esp),
                secrets,
                List.of("eth0"),
                false,
                true,
                natTraversal);
        NetInterface eth0 = new NetInterface(
                "eth0",
                InterfaceKind.ETHERNET,
                List.of(new IPAddressString(wan).getAddress()),
                false,
                false,
                null,
                false,
                SourceLocation.at(file, 1, 5));
        String name = file.replace(".conf", "");
        return new Router(name, file, dialect, List.of(eth0), List.of(), NatConfig.NONE, FirewallConfig.OPEN, ipsec);
    }
}
