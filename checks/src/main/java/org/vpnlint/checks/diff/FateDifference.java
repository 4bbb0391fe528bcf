package org.vpnlint.checks.diff;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ReplayedWitness;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Level;

/**
 * One class of packets whose fate changes, with a witness replayed on both versions.
 *
 * @param before     the witness's trace through the old version
 * @param after      its trace through the new version (the same packet and SA states)
 * @param saState    the witness's SA states in words: "up", "down", or which tunnels are down
 * @param affected   the packets proved to change the same way around the witness
 * @param causes     the changed configuration nodes that act in either trace (all changes when none does)
 * @param ingresses  where the packets arrive: the witness's ingress first, then the others whose classes change
 *                   the same way over the same space (each class found, blocked and measured on its own)
 * @param peerPacket when the witness is a tunnel peer's IKE, NAT-T or ESP packet to the router's tunnel endpoint,
 *                   what it is (e.g. "IKE of peer PARTNER (192.0.2.150)"); else null
 */
public record FateDifference(
        String beforeFile,
        String afterFile,
        PacketTrace before,
        PacketTrace after,
        String saState,
        AffectedSpace affected,
        List<ChangedNode> causes,
        List<Ingress> ingresses,
        String peerPacket) {

    public FateDifference {
        causes = List.copyOf(causes);
        ingresses = List.copyOf(ingresses);
    }

    /** Whether a class found at another ingress reads the same as this one, so that the two are reported together. */
    boolean sameChangeAs(FateDifference other) {
        return FateKey.Side.of(before).equals(FateKey.Side.of(other.before))
                && FateKey.Side.of(after).equals(FateKey.Side.of(other.after))
                && saState.equals(other.saState)
                && affected.equals(other.affected)
                && causes.equals(other.causes)
                && java.util.Objects.equals(peerPacket, other.peerPacket);
    }

    FateDifference alsoArriving(Ingress ingress) {
        List<Ingress> all = new ArrayList<>(ingresses);
        all.add(ingress);
        return new FateDifference(beforeFile, afterFile, before, after, saState, affected, causes, all, peerPacket);
    }

    /**
     * Encrypted traffic that now leaves in cleartext is an error; traffic that is now dropped (or finds no route),
     * and a peer's IKE, NAT-T or ESP that no longer reaches the router ({@link #peerPacketDiverted}), a warning;
     * every other change a note.
     */
    public Level level() {
        if (before.verdict() == Verdict.ENCRYPTED && after.verdict() == Verdict.CLEARTEXT) return Level.ERROR;
        if (dropped(after.verdict()) && !dropped(before.verdict())) return Level.WARNING;
        if (peerPacketDiverted()) return Level.WARNING;
        return Level.NOTE;
    }

    /**
     * The witness is a peer's IKE, NAT-T or ESP packet to the router's tunnel endpoint that the router received
     * before and now does not (forwarded, translated elsewhere or dropped): strongSwan no longer sees it, so the
     * peer's tunnels cannot be negotiated or their packets decrypted (as {@code check}'s {@code dnat-steals-ike}).
     */
    public boolean peerPacketDiverted() {
        return peerPacket != null && before.verdict() == Verdict.LOCAL && after.verdict() != Verdict.LOCAL;
    }

    private static boolean dropped(Verdict verdict) {
        return verdict == Verdict.DROPPED || verdict == Verdict.UNREACHABLE;
    }

    /** E.g. "packets arriving on eth1, among them every packet from 192.168.10.0/24 to 10.10.10.0/24, any protocol (proved; SA up): encrypted by ... before, now cleartext ...". */
    public String message() {
        String arriving = arriving(ingresses);
        String proof = affected.widest() ? "proved" : "proved; wider prefixes undecided";
        String text = arriving + ", among them every packet " + affected.describe() + balanced() + " (" + proof
                + "; SA " + saState + "): " + fate(before) + " before, now " + fate(after);
        if (peerPacketDiverted())
            text += "; the " + peerPacket + " no longer reaches the router, so its tunnels cannot come up";
        return text;
    }

    /**
     * The proof holds the load balancer's choice fixed at the witness's (ChangeImpact's space search), so the message
     * says which: ", its connection balanced to eth2"; empty when no balancing rule marked the witness.
     */
    private String balanced() {
        String wan = ReplayedWitness.balancedTo(before);
        if (wan == null) wan = ReplayedWitness.balancedTo(after);
        return wan == null ? "" : ", its connection balanced to " + wan;
    }

    /** E.g. "packets arriving on eth1 or eth0, or sent by the router itself". */
    private static String arriving(List<Ingress> ingresses) {
        List<String> places = ingresses.stream()
                .filter(i -> i.kind() != Ingress.Kind.LOCAL)
                .map(Ingress::toString)
                .toList();
        boolean local = ingresses.stream().anyMatch(i -> i.kind() == Ingress.Kind.LOCAL);
        if (places.isEmpty()) return "packets the router itself sends";
        String arriving = "packets arriving on " + or(places);
        return local ? arriving + " or sent by the router itself" : arriving;
    }

    private static String or(List<String> words) {
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** The fate in words, e.g. "encrypted by tunnel 1 of peer 192.0.2.150, out of eth0". */
    static String fate(PacketTrace trace) {
        return switch (trace.verdict()) {
            case ENCRYPTED ->
                "encrypted by " + trace.tunnel() + " out of " + trace.egress() + " as " + trace.finalHeader();
            case CLEARTEXT -> "cleartext out of " + trace.egress() + " as " + trace.finalHeader();
            case DROPPED -> "dropped (" + trace.dropReason().description() + ")";
            case UNREACHABLE -> "unreachable (" + trace.dropReason().description() + ")";
            case LOCAL -> "delivered to the router as " + trace.finalHeader();
        };
    }
}
