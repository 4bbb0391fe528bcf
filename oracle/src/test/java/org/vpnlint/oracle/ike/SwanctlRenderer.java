package org.vpnlint.oracle.ike;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.EspProposal;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IkeProposal;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.PresharedKey;
import org.vpnlint.model.PskEntry;
import org.vpnlint.model.Router;

/**
 * Writes the swanctl.conf VyOS would give charon for a router's site-to-site peers, written from the model's raw
 * fields after docs/semantics/vyos-rendering.md#identities-and-secrets and
 * docs/semantics/vyos-rendering.md#legacy-ipsec-conf, and deliberately not through vpnlint's own interpretation
 * (pairing.PeerEnd), so that the oracle can disagree with it.
 *
 * <p>1.4+ follows swanctl/peer.j2: {@code local.id} only when local-id is set, {@code remote.id} = remote-id or
 * %any, PSK secrets keyed by their configured ids, {@code version} 0 without key-exchange, dh-group default 2,
 * pfs enable = the IKE group's DH group. 1.2/1.3/EdgeOS follow vpn-config.pl's ipsec.conf, translated to the same
 * swanctl terms: {@code left}=local-address (any → %any), {@code leftid}=authentication id, {@code right}=the peer
 * (@id/any → %any), {@code rightid}=@id peer or remote-id, else strongSwan's default for ipsec.conf: the right
 * address; {@code keyexchange=ikev1} by default; dh-group default 2 and pfs default enable as in 1.4
 * (crux/equuleus node.def defaults, ESP proposals get {@code -<dh>} appended); secrets line
 * {@code <local-address> <right> [id] [remote-id] : PSK}. EdgeOS is not rendered here.
 *
 * <p>{@code start_action} is always rendered as none: the test initiates itself, from the ends whose VyOS
 * start_action ({@link #initiates}) would start or trap.
 */
final class SwanctlRenderer {

    private static final Map<String, String> DH = Map.of(
            "2", "modp1024", "5", "modp1536", "14", "modp2048", "15", "modp3072", "19", "ecp256", "20", "ecp384");

    private final Router router;
    private final Function<PresharedKey, String> secretText;

    SwanctlRenderer(Router router, Function<PresharedKey, String> secretText) {
        this.router = router;
        this.secretText = secretText;
    }

    static String connectionName(IpsecPeer peer) {
        return "peer-" + peer.name().replace("@", "").replace('.', '-').replace(':', '-');
    }

    static String childName(IpsecPeer peer, IpsecTunnel tunnel) {
        return connectionName(peer) + "-tunnel-" + tunnel.number();
    }

    /** How VyOS makes this peer start: "start", "trap" or "none". */
    static String startAction(Router router, IpsecPeer peer) {
        boolean legacy = router.dialect().legacyIpsecSyntax();
        boolean anyPeer = legacy
                ? peer.name().startsWith("@")
                        || peer.name().equals("any")
                        || peer.name().equals("0.0.0.0")
                : peer.remoteAddresses().isEmpty() || peer.remoteAddresses().contains("any");
        if (anyPeer || peer.connectionType() == ConnectionType.NONE) return "none";
        return peer.connectionType() == ConnectionType.RESPOND ? "trap" : "start";
    }

    static boolean initiates(Router router, IpsecPeer peer) {
        return !startAction(router, peer).equals("none");
    }

    String render() {
        boolean legacy = router.dialect().legacyIpsecSyntax();
        StringBuilder text = new StringBuilder("connections {\n");
        List<String[]> secrets = new ArrayList<>();
        for (IpsecPeer peer : router.ipsec().peers()) {
            if (peer.disabled()) continue;
            IkeGroup ike = router.ipsec().ikeGroups().get(peer.ikeGroup());
            text.append("  ").append(connectionName(peer)).append(" {\n");
            text.append("    version = ")
                    .append(ike.ikeVersion() != null ? ike.ikeVersion() : legacy ? 1 : 0)
                    .append('\n');
            text.append("    local_addrs = ").append(localAddress(peer)).append('\n');
            text.append("    remote_addrs = ")
                    .append(remoteAddresses(peer, legacy))
                    .append('\n');
            text.append("    proposals = ").append(ikeProposals(ike)).append('\n');
            text.append("    keyingtries = 1\n");
            text.append("    local {\n      auth = psk\n");
            if (peer.localId() != null)
                text.append("      id = \"").append(peer.localId()).append("\"\n");
            text.append("    }\n    remote {\n      auth = psk\n");
            text.append("      id = \"").append(remoteId(peer, legacy)).append("\"\n    }\n");
            text.append("    children {\n");
            for (IpsecTunnel tunnel : peer.tunnels()) {
                if (tunnel.disabled()) continue;
                EspGroup esp = router.ipsec()
                        .espGroups()
                        .get(tunnel.espGroup() != null ? tunnel.espGroup() : peer.defaultEspGroup());
                text.append("      ").append(childName(peer, tunnel)).append(" {\n");
                if (!tunnel.localPrefixes().isEmpty()) {
                    text.append("        local_ts = ")
                            .append(selectors(
                                    tunnel.localPrefixes().stream()
                                            .map(Object::toString)
                                            .toList(),
                                    tunnel.protocol(),
                                    tunnel.localPort()))
                            .append('\n');
                }
                if (!tunnel.remotePrefixes().isEmpty()) {
                    text.append("        remote_ts = ")
                            .append(selectors(
                                    tunnel.remotePrefixes().stream()
                                            .map(Object::toString)
                                            .toList(),
                                    tunnel.protocol(),
                                    tunnel.remotePort()))
                            .append('\n');
                }
                text.append("        esp_proposals = ")
                        .append(espProposals(esp, ike))
                        .append('\n');
                text.append("        mode = tunnel\n        start_action = none\n      }\n");
            }
            text.append("    }\n  }\n");
            if (legacy && peer.presharedKey() != null) secrets.add(legacySecret(peer));
        }
        text.append("}\nsecrets {\n");
        int index = 0;
        if (!legacy) {
            for (PskEntry entry : router.ipsec().presharedKeys()) {
                List<String> ids = entry.ids();
                String[] line = new String[ids.size() + 1];
                for (int i = 0; i < ids.size(); i++) line[i] = ids.get(i);
                line[ids.size()] = secretText.apply(entry.secret());
                secrets.add(line);
            }
        }
        for (String[] secret : secrets) {
            text.append("  ike-").append(index++).append(" {\n");
            for (int i = 0; i < secret.length - 1; i++) {
                text.append("    id-")
                        .append(i)
                        .append(" = \"")
                        .append(secret[i])
                        .append("\"\n");
            }
            text.append("    secret = \"").append(secret[secret.length - 1]).append("\"\n  }\n");
        }
        return text.append("}\n").toString();
    }

    private String[] legacySecret(IpsecPeer peer) {
        List<String> ids = new ArrayList<>();
        if (peer.localAddress() != null && !peer.localAddress().equals("any")) ids.add(peer.localAddress());
        boolean anyPeer = peer.name().startsWith("@")
                || peer.name().equals("any")
                || peer.name().equals("0.0.0.0");
        ids.add(anyPeer ? "%any" : peer.name());
        if (peer.localId() != null) ids.add(peer.localId());
        if (peer.remoteId() != null) ids.add(peer.remoteId());
        ids.add(secretText.apply(peer.presharedKey()));
        return ids.toArray(String[]::new);
    }

    private static String localAddress(IpsecPeer peer) {
        return peer.localAddress() == null || peer.localAddress().equals("any") ? "%any" : peer.localAddress();
    }

    private static String remoteAddresses(IpsecPeer peer, boolean legacy) {
        if (legacy) {
            boolean anyPeer = peer.name().startsWith("@")
                    || peer.name().equals("any")
                    || peer.name().equals("0.0.0.0");
            return anyPeer ? "%any" : peer.name();
        }
        List<String> addresses =
                peer.remoteAddresses().stream().filter(a -> !a.equals("any")).toList();
        return addresses.isEmpty() ? "%any" : String.join(",", addresses);
    }

    private static String remoteId(IpsecPeer peer, boolean legacy) {
        if (!legacy) return peer.remoteId() == null ? "%any" : peer.remoteId();
        if (peer.name().startsWith("@")) return peer.name();
        if (peer.remoteId() != null) return peer.remoteId();
        return peer.name().equals("any") || peer.name().equals("0.0.0.0") ? "%any" : peer.name();
    }

    private static String ikeProposals(IkeGroup ike) {
        List<String> proposals = new ArrayList<>();
        for (IkeProposal proposal : ike.proposals()) {
            String encryption = proposal.encryption() == null ? "aes128" : proposal.encryption();
            String hash = proposal.hash() == null ? "sha1" : proposal.hash();
            String dh = proposal.dhGroup() != null ? proposal.dhGroup() : "2";
            proposals.add(encryption + "-" + hash + (proposal.prf() == null ? "" : "-" + proposal.prf())
                    + (dh == null ? "" : "-" + DH.get(dh)));
        }
        return String.join(",", proposals);
    }

    private static String espProposals(EspGroup esp, IkeGroup ike) {
        String pfs = null;
        String setting = esp.pfs() == null ? "enable" : esp.pfs();
        if (setting.equals("enable")) {
            IkeProposal first = ike.proposals().get(0);
            pfs = DH.get(first.dhGroup() == null ? "2" : first.dhGroup());
        } else if (setting.startsWith("dh-group")) {
            pfs = DH.get(setting.substring("dh-group".length()));
        }
        List<String> proposals = new ArrayList<>();
        for (EspProposal proposal : esp.proposals()) {
            proposals.add((proposal.encryption() == null ? "aes128" : proposal.encryption()) + "-"
                    + (proposal.hash() == null ? "sha1" : proposal.hash()) + (pfs == null ? "" : "-" + pfs));
        }
        return String.join(",", proposals);
    }

    private static String selectors(List<String> prefixes, Integer protocol, Integer port) {
        if (protocol == null && port == null) return String.join(",", prefixes);
        String suffix = "[" + (protocol == null ? "0" : protocol) + (port == null ? "" : "/" + port) + "]";
        return String.join(",", prefixes.stream().map(p -> p + suffix).toList());
    }
}
