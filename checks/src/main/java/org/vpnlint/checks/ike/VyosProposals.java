package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.EspProposal;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IkeProposal;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.Router;

/**
 * The IKE and ESP proposals an end offers, with VyOS defaults filled in. Every version defaults encryption to
 * aes128 and hash to sha1; VyOS 1.2 to 1.5 default {@code dh-group} to 2 and {@code pfs} to enable, which appends
 * the first IKE proposal's DH group to every ESP proposal (vyatta-cfg-vpn crux/equuleus vpn-config.pl, vyos-1x
 * swanctl templates). EdgeOS's older vpn-config.pl writes no DH group unless one is set and never puts PFS into
 * the ESP proposals (its {@code pfs=} line is a pluto option charon ignores). The defaults per dialect:
 * docs/semantics/vyos-rendering.md#ike-esp-defaults.
 */
public final class VyosProposals {

    private VyosProposals() {}

    public static List<IkeAlgorithms> ike(PeerEnd end) {
        return ike(end.router(), end.ikeGroup().orElse(null));
    }

    /** The IKE proposals of {@code group} on {@code router} (a peer's or a DMVPN profile's); none without a group. */
    public static List<IkeAlgorithms> ike(Router router, IkeGroup group) {
        List<IkeAlgorithms> proposals = new ArrayList<>();
        if (group == null) return proposals;
        for (IkeProposal proposal : group.proposals()) {
            String encryption = orDefault(proposal.encryption(), "aes128");
            String hash = orDefault(proposal.hash(), "sha1");
            String prf = proposal.prf() == null ? hash : proposal.prf().replaceFirst("^prf", "");
            String dh = proposal.dhGroup() != null ? DhGroups.number(proposal.dhGroup()) : edgeOs(router) ? null : "2";
            proposals.add(new IkeAlgorithms(encryption, hash, prf, dh));
        }
        return proposals;
    }

    /** The esp-group a tunnel uses: its own, else the peer's default-esp-group. */
    public static EspGroup espGroup(PeerEnd end, IpsecTunnel tunnel) {
        String name = tunnel != null && tunnel.espGroup() != null
                ? tunnel.espGroup()
                : end.peer().defaultEspGroup();
        if (tunnel == null && end.peer().vtiEspGroup() != null)
            name = end.peer().vtiEspGroup();
        return name == null ? null : end.router().ipsec().espGroups().get(name);
    }

    public static List<EspAlgorithms> esp(PeerEnd end, IpsecTunnel tunnel) {
        return esp(end.router(), espGroup(end, tunnel), end.ikeGroup().orElse(null));
    }

    /** The ESP proposals of {@code group}; PFS "enable" takes the first proposal's DH group of {@code ikeGroup}. */
    public static List<EspAlgorithms> esp(Router router, EspGroup group, IkeGroup ikeGroup) {
        List<EspAlgorithms> proposals = new ArrayList<>();
        if (group == null) return proposals;
        String pfsGroup = pfsGroup(router, group, ikeGroup);
        for (EspProposal proposal : group.proposals()) {
            proposals.add(new EspAlgorithms(
                    orDefault(proposal.encryption(), "aes128"), orDefault(proposal.hash(), "sha1"), pfsGroup));
        }
        return proposals;
    }

    private static boolean edgeOs(Router router) {
        return router.dialect() == Dialect.EDGEOS;
    }

    private static String pfsGroup(Router router, EspGroup group, IkeGroup ikeGroup) {
        if (edgeOs(router)) return null;
        String pfs = group.pfs() == null ? "enable" : group.pfs();
        if (pfs.equals("disable")) return null;
        if (pfs.equals("enable")) {
            List<IkeAlgorithms> ike = ike(router, ikeGroup);
            return ike.isEmpty() ? null : ike.get(0).dhGroup();
        }
        return DhGroups.number(pfs);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
