package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.CloseAction;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.DeadPeerDetection;
import org.vpnlint.model.DpdAction;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.EspProposal;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IkeProposal;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecProfile;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.PresharedKey;
import org.vpnlint.model.PskEntry;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.dialect.PeerIdentitySyntax.PeerIdentity;

/**
 * {@code vpn ipsec} → {@link IpsecConfig}: site-to-site peers (identity nodes per {@link PeerIdentitySyntax}),
 * their tunnels (policy selectors) and VTI binding, IKE and ESP groups, the IKE interfaces, NAT-T, EdgeOS
 * {@code auto-firewall-nat-exclude}, {@code options disable-route-autoinstall}, and pre-shared keys. A key's text
 * is turned into a {@link PresharedKey} fingerprint the moment it is read and kept nowhere else.
 * DMVPN profiles ({@code profile NAME}: groups, key, bound tunnels) are read; remote access is reported as
 * unsupported.
 */
final class IpsecMapper {
    private static final int DPD_INTERVAL = 30;
    private static final int DPD_TIMEOUT = 120;

    private final MappingContext context;
    private final PeerIdentitySyntax peerSyntax;

    IpsecMapper(MappingContext context) {
        this.context = context;
        this.peerSyntax = PeerIdentitySyntax.of(context.legacySyntax());
    }

    IpsecConfig map(ConfigNode ipsec) {
        ConfigSection section = new ConfigSection(ipsec, context.problems());
        List<PskEntry> keys = new ArrayList<>();
        List<IpsecPeer> peers = new ArrayList<>();
        ConfigSection siteToSite = section.section("site-to-site");
        if (siteToSite != null) {
            for (ConfigSection peer : siteToSite.entries("peer")) peers.add(peer(peer, keys));
            siteToSite.finish();
        }
        Map<String, IkeGroup> ikeGroups = new LinkedHashMap<>();
        for (ConfigSection group : section.entries("ike-group"))
            ikeGroups.put(group.node().word(), ikeGroup(group));
        Map<String, EspGroup> espGroups = new LinkedHashMap<>();
        for (ConfigSection group : section.entries("esp-group"))
            espGroups.put(group.node().word(), espGroup(group));
        ConfigSection authentication = section.section("authentication");
        if (authentication != null) {
            for (ConfigSection psk : authentication.entries("psk")) keys.add(pskBlock(psk));
            authentication.finish();
        }
        List<String> ikeInterfaces = new ArrayList<>(section.values("interface"));
        ConfigSection oldInterfaces = section.section("ipsec-interfaces");
        if (oldInterfaces != null) {
            ikeInterfaces.addAll(oldInterfaces.values("interface"));
            oldInterfaces.finish();
        }
        String natTraversal = section.value("nat-traversal");
        boolean autoExclude = "enable".equals(section.value("auto-firewall-nat-exclude"));
        boolean routeAutoinstall = true;
        ConfigSection options = section.section("options");
        if (options != null) {
            routeAutoinstall = !options.flag("disable-route-autoinstall");
            options.ignore("interface", "virtual-ip", "flexvpn");
            options.finish();
        }
        section.ignore(
                "nat-networks",
                "logging",
                "log",
                "auto-update",
                "allow-access-to-local-interface",
                "disable-uniqreqids",
                "copy-df");
        List<IpsecProfile> profiles = new ArrayList<>();
        for (ConfigSection profile : section.entries("profile")) profiles.add(profile(profile));
        section.finish(); // remote-access, include-ipsec-conf, ... are reported here
        return new IpsecConfig(
                peers,
                ikeGroups,
                espGroups,
                keys,
                ikeInterfaces,
                autoExclude,
                routeAutoinstall,
                natTraversal == null ? null : natTraversal.equals("enable"),
                profiles);
    }

    /** {@code profile NAME}: a DMVPN profile. Its key is fingerprinted at once, like a peer's. */
    private IpsecProfile profile(ConfigSection profile) {
        AuthenticationMode mode = null;
        PresharedKey key = null;
        ConfigSection authentication = profile.section("authentication");
        if (authentication != null) {
            mode = authenticationMode(authentication);
            ConfigNode secret = authentication.leaf("pre-shared-secret");
            if (secret != null && ConfigSection.valueOf(secret) != null)
                key = PresharedKey.of(ConfigSection.valueOf(secret));
            authentication.finish();
        }
        List<String> boundTunnels = new ArrayList<>();
        ConfigSection bind = profile.section("bind");
        if (bind != null) {
            boundTunnels.addAll(bind.values("tunnel"));
            bind.finish();
        }
        String ikeGroup = profile.value("ike-group");
        String espGroup = profile.value("esp-group");
        boolean disabled = profile.flag("disable");
        profile.ignore("description");
        profile.finish();
        return new IpsecProfile(
                profile.node().word(),
                boundTunnels,
                ikeGroup,
                espGroup,
                mode,
                key,
                disabled,
                profile.path(),
                profile.location());
    }

    private IpsecPeer peer(ConfigSection peer, List<PskEntry> keys) {
        String name = peer.node().word();
        ConfigSection authentication = peer.section("authentication");
        PeerIdentity identity = peerSyntax.read(peer, authentication);
        String localAddress = peer.value("local-address");
        peer.ignore("dhcp-interface"); // the local address is whatever DHCP gives: localAddress stays null
        AuthenticationMode mode = null;
        PresharedKey key = null;
        if (authentication != null) {
            mode = authenticationMode(authentication);
            ConfigNode secret = authentication.leaf("pre-shared-secret");
            if (secret != null && ConfigSection.valueOf(secret) != null) {
                key = PresharedKey.of(ConfigSection.valueOf(secret));
                keys.add(new PskEntry(
                        name, peerSyntax.inlineKeyIds(name, localAddress, identity), key, secret.location()));
            }
            authentication.ignore("rsa-key-name", "rsa", "x509", "use-x509-id", "id", "local-id", "remote-id");
            authentication.finish();
        }
        if (mode == null) {
            if (!context.legacySyntax()) {
                context.problems()
                        .invalid(
                                peer.node(),
                                "'" + peer.path() + "' has no authentication mode"
                                        + " (VyOS 1.4 requires one); vpnlint assumes pre-shared-secret");
            }
            mode = AuthenticationMode.PRE_SHARED_SECRET; // the 1.2/1.3 default
        }
        ConnectionType connectionType = connectionType(peer);
        String ikeGroup = peer.value("ike-group");
        String defaultEspGroup = peer.value("default-esp-group");
        List<IpsecTunnel> tunnels = new ArrayList<>();
        for (ConfigSection tunnel : peer.entries("tunnel")) {
            IpsecTunnel read = tunnel(tunnel);
            if (read != null) tunnels.add(read);
        }
        String vtiInterface = null;
        String vtiEspGroup = null;
        ConfigSection vti = peer.section("vti");
        if (vti != null) {
            vtiInterface = vti.value("bind");
            vtiEspGroup = vti.value("esp-group");
            vti.finish();
        }
        boolean disabled = peer.flag("disable");
        peer.ignore("description", "ikev2-reauth", "replay-window");
        // the other generation's spelling of UDP encapsulation and remote address: the detector warned already
        peer.ignore("force-encapsulation", "force-udp-encapsulation", "remote-address");
        peer.finish();
        return new IpsecPeer(
                name,
                identity.remoteAddresses(),
                localAddress,
                mode,
                identity.localId(),
                identity.remoteId(),
                key,
                connectionType,
                ikeGroup,
                defaultEspGroup,
                tunnels,
                vtiInterface,
                vtiEspGroup,
                identity.forceUdpEncapsulation(),
                disabled,
                peer.path(),
                peer.location());
    }

    private AuthenticationMode authenticationMode(ConfigSection authentication) {
        ConfigNode node = authentication.leaf("mode");
        if (node == null || ConfigSection.valueOf(node) == null) return null;
        return switch (ConfigSection.valueOf(node)) {
            case "pre-shared-secret" -> AuthenticationMode.PRE_SHARED_SECRET;
            case "rsa" -> AuthenticationMode.RSA;
            case "x509" -> AuthenticationMode.X509;
            default -> {
                context.problems()
                        .invalidValue(
                                node,
                                ConfigSection.valueOf(node),
                                "not an authentication mode (pre-shared-secret, rsa, x509)");
                yield null;
            }
        };
    }

    private ConnectionType connectionType(ConfigSection peer) {
        ConfigNode node = peer.leaf("connection-type");
        if (node == null || ConfigSection.valueOf(node) == null) return null;
        return switch (ConfigSection.valueOf(node)) {
            case "initiate" -> ConnectionType.INITIATE;
            case "respond" -> ConnectionType.RESPOND;
            case "none" -> ConnectionType.NONE;
            default -> {
                context.problems()
                        .invalidValue(
                                node, ConfigSection.valueOf(node), "not a connection type (initiate, respond, none)");
                yield null;
            }
        };
    }

    /** {@code tunnel N}: local/remote prefixes (one before 1.4, several from 1.4), protocol, ports. */
    private IpsecTunnel tunnel(ConfigSection tunnel) {
        Integer number = tunnel.number();
        List<IPAddress> localPrefixes = new ArrayList<>();
        List<IPAddress> remotePrefixes = new ArrayList<>();
        Integer localPort = selectorSide(tunnel.section("local"), localPrefixes);
        Integer remotePort = selectorSide(tunnel.section("remote"), remotePrefixes);
        Integer protocol = null;
        ConfigNode protocolNode = tunnel.leaf("protocol");
        if (protocolNode != null && ConfigSection.valueOf(protocolNode) != null) {
            try {
                protocol = ProtocolSyntax.single(ConfigSection.valueOf(protocolNode));
            } catch (InvalidValue e) {
                context.problems().invalidValue(protocolNode, ConfigSection.valueOf(protocolNode), e.getMessage());
            }
        }
        boolean disabled = tunnel.flag("disable");
        String espGroup = tunnel.value("esp-group");
        tunnel.ignore("allow-nat-networks", "allow-public-networks", "priority", "description");
        tunnel.finish();
        if (number == null) return null;
        return new IpsecTunnel(
                number,
                localPrefixes,
                remotePrefixes,
                protocol,
                localPort,
                remotePort,
                espGroup,
                disabled,
                tunnel.location());
    }

    /** Reads {@code local|remote prefix ...} into {@code prefixes} and returns the side's port, or null. */
    private Integer selectorSide(ConfigSection side, List<IPAddress> prefixes) {
        if (side == null) return null;
        ConfigNode prefixNode = side.leaf("prefix");
        if (prefixNode != null) {
            for (String value : prefixNode.values()) {
                try {
                    prefixes.add(AddressSyntax.prefix(value));
                } catch (InvalidValue e) {
                    context.problems().invalidValue(prefixNode, value, e.getMessage());
                }
            }
        }
        Integer port = null;
        ConfigNode portNode = side.leaf("port");
        if (portNode != null && ConfigSection.valueOf(portNode) != null) {
            try {
                port = PortSyntax.port(ConfigSection.valueOf(portNode));
            } catch (InvalidValue e) {
                context.problems().invalidValue(portNode, ConfigSection.valueOf(portNode), e.getMessage());
            }
        }
        side.finish();
        return port;
    }

    private IkeGroup ikeGroup(ConfigSection group) {
        Integer version = switch (String.valueOf(group.value("key-exchange"))) {
            case "ikev1" -> 1;
            case "ikev2" -> 2;
            default -> null;
        };
        List<IkeProposal> proposals = new ArrayList<>();
        for (ConfigSection proposal : group.entries("proposal")) {
            Integer number = proposal.number();
            IkeProposal read = new IkeProposal(
                    number == null ? 0 : number,
                    proposal.value("encryption"),
                    proposal.value("hash"),
                    proposal.value("dh-group"),
                    proposal.value("prf"));
            proposal.finish();
            if (number != null) proposals.add(read);
        }
        DeadPeerDetection dpd = deadPeerDetection(group.section("dead-peer-detection"));
        CloseAction closeAction = closeAction(group.leaf("close-action"));
        Integer lifetime = seconds(group.leaf("lifetime"));
        boolean mobike = !"disable".equals(group.value("mobike")) && !group.flag("disable-mobike");
        group.ignore("description", "ikev2-reauth", "mode", "prf");
        group.finish();
        return new IkeGroup(
                group.node().word(), version, proposals, dpd, closeAction, lifetime, mobike, group.location());
    }

    /** Defaults: action hold (1.2/1.3/EdgeOS) or clear (1.4+), interval 30 s, timeout 120 s. */
    private DeadPeerDetection deadPeerDetection(ConfigSection dpd) {
        if (dpd == null) return null;
        DpdAction action = context.legacySyntax() ? DpdAction.HOLD : DpdAction.CLEAR;
        ConfigNode actionNode = dpd.leaf("action");
        if (actionNode != null && ConfigSection.valueOf(actionNode) != null) {
            switch (ConfigSection.valueOf(actionNode)) {
                case "hold" -> action = DpdAction.HOLD;
                case "clear" -> action = DpdAction.CLEAR;
                case "restart" -> action = DpdAction.RESTART;
                case "trap" -> action = DpdAction.TRAP;
                default ->
                    context.problems()
                            .invalidValue(
                                    actionNode,
                                    ConfigSection.valueOf(actionNode),
                                    "not a dead-peer-detection action (hold, clear, restart, trap)");
            }
        }
        Integer interval = seconds(dpd.leaf("interval"));
        Integer timeout = seconds(dpd.leaf("timeout"));
        dpd.finish();
        return new DeadPeerDetection(
                action, interval == null ? DPD_INTERVAL : interval, timeout == null ? DPD_TIMEOUT : timeout);
    }

    private CloseAction closeAction(ConfigNode node) {
        if (node == null || ConfigSection.valueOf(node) == null) return null;
        return switch (ConfigSection.valueOf(node)) {
            case "none" -> CloseAction.NONE;
            case "hold" -> CloseAction.HOLD;
            case "clear" -> CloseAction.CLEAR;
            case "restart" -> CloseAction.RESTART;
            case "trap" -> CloseAction.TRAP;
            case "start" -> CloseAction.START;
            default -> {
                context.problems().invalidValue(node, ConfigSection.valueOf(node), "not a close-action");
                yield null;
            }
        };
    }

    private EspGroup espGroup(ConfigSection group) {
        String mode = group.value("mode");
        String pfs = group.value("pfs");
        List<EspProposal> proposals = new ArrayList<>();
        for (ConfigSection proposal : group.entries("proposal")) {
            Integer number = proposal.number();
            EspProposal read =
                    new EspProposal(number == null ? 0 : number, proposal.value("encryption"), proposal.value("hash"));
            proposal.finish();
            if (number != null) proposals.add(read);
        }
        Integer lifetime = seconds(group.leaf("lifetime"));
        group.ignore("description", "compression", "life-bytes", "life-packets", "disable-rekey");
        group.finish();
        return new EspGroup(group.node().word(), mode, pfs, proposals, lifetime, group.location());
    }

    /** 1.4 {@code vpn ipsec authentication psk TAG id ... secret ...}. */
    private PskEntry pskBlock(ConfigSection psk) {
        ConfigNode secret = psk.leaf("secret");
        PresharedKey key = secret == null || ConfigSection.valueOf(secret) == null
                ? null
                : PresharedKey.of(ConfigSection.valueOf(secret));
        if (key == null) {
            context.problems().invalid(psk.node(), "'" + psk.path() + "' has no secret");
        }
        List<String> ids = psk.values("id");
        psk.ignore("secret-type", "dhcp-interface");
        psk.finish();
        return new PskEntry(psk.node().word(), ids, key, psk.location());
    }

    private Integer seconds(ConfigNode node) {
        if (node == null || ConfigSection.valueOf(node) == null) return null;
        try {
            int seconds = Integer.parseInt(ConfigSection.valueOf(node));
            if (seconds >= 0) return seconds;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        context.problems().invalidValue(node, ConfigSection.valueOf(node), "not a number of seconds");
        return null;
    }
}
