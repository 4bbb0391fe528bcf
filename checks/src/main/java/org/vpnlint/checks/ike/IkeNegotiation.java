package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vpnlint.checks.ike.pairing.IkeIdentity;
import org.vpnlint.checks.ike.pairing.LoadedSecret;
import org.vpnlint.checks.ike.pairing.NatInFront;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.checks.ike.pairing.PeerPair;
import org.vpnlint.checks.ike.pairing.RouterSecrets;
import org.vpnlint.checks.ike.pairing.StartAction;
import org.vpnlint.model.AuthenticationMode;

/**
 * Replays how charon on two routers negotiates an IKE_SA when {@code initiator} starts it, in the order the
 * exchange happens: IKE_SA_INIT / Main Mode SA (addresses, version, proposals) → NAT detection → identities and
 * pre-shared keys. IKEv2 selects the PSK by identity in IKE_AUTH; IKEv1 Main Mode must find it before any identity
 * is exchanged, first by the two IP addresses as each side sees them (after NAT), then by the configured ids.
 * The result lists every step with what each side sends and expects, and the first step that fails. The strongSwan
 * behaviour replayed here: docs/semantics/strongswan.md#ikev2-peer-config-selection,
 * docs/semantics/strongswan.md#psk-selection, docs/semantics/strongswan.md#ikev1-main-mode-psk-lookup,
 * docs/semantics/strongswan.md#nat-detection.
 */
public final class IkeNegotiation {

    private final PeerPair pair;
    private final PeerEnd initiator;
    private final PeerEnd responder;
    private final IPAddress assumedInitiatorPublic;
    private final boolean considerNatMappings;
    private final List<ExchangeStep> steps = new ArrayList<>();

    /**
     * @param assumedInitiatorPublic the address the initiator's NAT shows when its public address is unknown
     *                               (one value per equivalence class, see {@link PairAnalysis}); ignored otherwise
     */
    public IkeNegotiation(PeerPair pair, PeerEnd initiator, IPAddress assumedInitiatorPublic) {
        this(pair, initiator, assumedInitiatorPublic, true);
    }

    private IkeNegotiation(
            PeerPair pair, PeerEnd initiator, IPAddress assumedInitiatorPublic, boolean considerNatMappings) {
        this.pair = pair;
        this.initiator = initiator;
        this.responder = pair.partnerOf(initiator);
        this.assumedInitiatorPublic = assumedInitiatorPublic;
        this.considerNatMappings = considerNatMappings;
    }

    /** The outcome; null obstacle means the IKE_SA is established. Null when an address needed is unknown. */
    public NegotiationResult run() {
        IPAddress source = initiator.ikeAddress();
        // where packets really arrive: a local-address that is on no interface is not where the NAT delivers them
        IPAddress responderAddress = responder.routerIkeAddress();
        if (source == null
                || responderAddress == null
                || initiator.remoteAddresses().isEmpty()
                || initiator.sentIdentity() == null
                || responder.sentIdentity() == null) {
            return null; // dynamic addresses: nothing certain to say
        }
        int version = initiator.initiatingVersion();
        String init = version == 2 ? "IKE_SA_INIT" : "Main Mode SA";
        IPAddress target = initiator.remoteAddresses().get(0);
        NatInFront initiatorNat = pair.natOf(initiator);
        NatInFront responderNat = pair.natOf(responder);

        if (!initiator.localAddressOnRouter()) {
            return failAt(
                    initiator,
                    init,
                    Obstacle.LOCAL_ADDRESS,
                    initiator.label() + " has local-address " + initiator.peer().localAddress()
                            + ", which is on none of its interfaces: charon cannot send from it");
        }
        boolean targetOnResponder = responder.routerHasAddress(target);
        boolean targetIsResponderNat = responderNat.present()
                && (target.equals(responderNat.publicAddress()) || !responderNat.publicAddressKnown());
        if (!targetOnResponder && !targetIsResponderNat) {
            return failAt(
                    initiator,
                    init,
                    Obstacle.UNREACHABLE,
                    initiator.label() + " sends to " + text(target) + ", which is neither an address of "
                            + responder.router().file() + " nor its NAT's");
        }
        if (!targetOnResponder && !responderNat.acceptsInbound() && !responderOpensMapping()) {
            return failAt(
                    initiator,
                    init,
                    Obstacle.UNREACHABLE,
                    initiator.label() + " sends to " + text(target) + ", but "
                            + responder.router().file()
                            + " is behind a masquerading NAT that forwards nothing inbound unless "
                            + "that router's own IKE to " + initiator.router().file()
                            + " opened a mapping for UDP 500 and 4500");
        }
        IPAddress seenFrom = initiatorNat.present()
                ? (initiatorNat.publicAddressKnown() ? initiatorNat.publicAddress() : assumedInitiatorPublic)
                : source;
        IPAddress arrivesAt = targetOnResponder ? target : responderAddress;
        step(
                init,
                initiator.label() + " (IKEv" + version + ") sends from " + text(source) + " to " + text(target)
                        + (initiatorNat.present()
                                ? "; its " + initiatorNat.describe() + " rewrites the source to "
                                        + (seenFrom == null ? "its public address" : text(seenFrom))
                                : "")
                        + (targetOnResponder
                                ? ""
                                : "; the responder's " + responderNat.describe() + " forwards it to "
                                        + text(arrivesAt)));

        IPAddress responderLocal = responder.configuredLocalAddress();
        if (responderLocal != null && !responderLocal.equals(arrivesAt)) {
            return failAt(
                    responder,
                    init,
                    Obstacle.LOCAL_ADDRESS,
                    responder.label() + " only accepts IKE on local-address "
                            + text(responderLocal) + ", but the packet arrives at " + text(arrivesAt)
                            + " (charon: no IKE config found, NO_PROPOSAL_CHOSEN)");
        }
        List<IPAddress> accepted = responder.remoteAddresses();
        if (!accepted.isEmpty() && !accepted.contains(seenFrom)) {
            return failAt(
                    responder,
                    init,
                    Obstacle.ADDRESS_NOT_ACCEPTED,
                    responder.label() + " accepts IKE only from "
                            + accepted.stream().map(IkeNegotiation::text).toList() + ", but it comes from "
                            + (seenFrom == null ? "the NAT's public address" : text(seenFrom))
                            + " (charon: no IKE config found, NO_PROPOSAL_CHOSEN)");
        }
        if (!responder.acceptsVersion(version)) {
            return failAt(
                    responder,
                    init,
                    Obstacle.VERSION,
                    initiator.label() + " speaks IKEv" + version + " but "
                            + responder.label() + " is configured for IKEv" + responder.ikeVersion()
                            + " only (NO_PROPOSAL_CHOSEN)");
        }
        List<IkeAlgorithms> offered = VyosProposals.ike(initiator);
        List<IkeAlgorithms> configured = VyosProposals.ike(responder);
        Optional<IkeAlgorithms> chosen = configured.stream()
                .filter(c -> offered.stream().anyMatch(o -> sameIkeProposal(o, c, version)))
                .findFirst();
        if (chosen.isEmpty()) {
            return failAt(
                    responder,
                    init,
                    Obstacle.IKE_PROPOSAL,
                    initiator.label() + " offers " + render(offered) + ", " + responder.label() + " accepts "
                            + render(configured) + ": no proposal in common (NO_PROPOSAL_CHOSEN)");
        }
        step(init, responder.label() + " selects proposal " + chosen.get().render());
        if (initiatorNat.present() || responderNat.present()) {
            step(
                    "NAT detection",
                    "the NAT_DETECTION hashes do not match"
                            + (initiatorNat.present() ? " (initiator behind NAT)" : "")
                            + (responderNat.present() ? " (responder behind NAT)" : "")
                            + "; both sides float to UDP 4500 and send keep-alives");
        }
        if (!byPresharedKey(initiator) || !byPresharedKey(responder)) {
            // with certificates or RSA keys the identities default to what the certificates hold, and the keys are
            // not in the configuration: nothing about this step can be proved, so it is not held against the pair
            step(
                    version == 2 ? "IKE_AUTH" : "Main Mode ID",
                    "authentication by certificate or RSA key is not replayed:"
                            + " the identities and keys it uses are not in the configuration");
            return new NegotiationResult(initiator, responder, version, steps, null, null);
        }
        return version == 2 ? authenticateIkev2() : authenticateMainMode(source, target, arrivesAt, seenFrom);
    }

    private static boolean byPresharedKey(PeerEnd end) {
        AuthenticationMode mode = end.peer().authenticationMode();
        return mode == null || mode == AuthenticationMode.PRE_SHARED_SECRET;
    }

    /**
     * A masquerading NAT forwards IKE from the initiator once the responder behind it has itself sent IKE to the
     * initiator: the NAT then has a mapping, kept alive by retries and NAT-T keep-alives. IKE_AUTH (IKEv2) and
     * Main Mode from message 5 (IKEv1) travel on UDP 4500 once NAT is detected, so the mapping must exist for
     * 4500 too: the responder's own negotiation must have got that far. It initiates when it starts at boot, or on
     * demand while the initiator also waits for traffic.
     */
    private boolean responderOpensMapping() {
        if (!considerNatMappings) return false;
        boolean initiates = responder.startAction() == StartAction.START
                || responder.startAction() == StartAction.ON_DEMAND && initiator.startAction() == StartAction.ON_DEMAND;
        if (!initiates) return false;
        NegotiationResult own = new IkeNegotiation(pair, responder, null, false).run();
        return own != null && reachedUdp4500(own);
    }

    private static boolean reachedUdp4500(NegotiationResult result) {
        if (result.established()) return true;
        return switch (result.obstacle()) {
            case UNREACHABLE, LOCAL_ADDRESS, VERSION, IKE_PROPOSAL, ADDRESS_NOT_ACCEPTED -> false;
            // IKEv2: an initiator without a key never sends IKE_AUTH; IKEv1: both keys are needed before message 5
            case PSK_NOT_FOUND -> result.version() == 2 && result.decidedBy() == result.responder();
            case PSK_DIFFERENT, IDENTITY_NOT_ACCEPTED -> true;
        };
    }

    private NegotiationResult authenticateIkev2() {
        IkeIdentity sentByInitiator = initiator.sentIdentity();
        IkeIdentity initiatorAccepts = initiator.acceptedIdentity();
        IkeIdentity requestedResponderId = initiatorAccepts.isAny() ? null : initiatorAccepts;
        step(
                "IKE_AUTH",
                initiator.label() + " sends IDi " + sentByInitiator.describe()
                        + (initiator.localIdConfigured() ? " (its local id)" : " (no local id: its own IKE address)")
                        + (requestedResponderId == null ? "" : " and IDr " + requestedResponderId.describe()));
        IkeIdentity responderAccepts = responder.acceptedIdentity();
        if (!sentByInitiator.satisfies(responderAccepts)) {
            return failAt(
                    responder,
                    "IKE_AUTH",
                    Obstacle.IDENTITY_NOT_ACCEPTED,
                    responder.label() + " accepts only "
                            + responderAccepts.describe() + ", not " + sentByInitiator.describe()
                            + " (charon: no matching peer config found, AUTHENTICATION_FAILED)");
        }
        if (requestedResponderId != null
                && responder.localIdConfigured()
                && !requestedResponderId.equals(responder.configuredLocalIdentity())) {
            return failAt(
                    responder,
                    "IKE_AUTH",
                    Obstacle.IDENTITY_NOT_ACCEPTED,
                    initiator.label() + " asks for IDr "
                            + requestedResponderId.describe() + " but " + responder.label() + " is "
                            + responder.configuredLocalIdentity().describe()
                            + " (charon: no matching peer config found, AUTHENTICATION_FAILED)");
        }
        RouterSecrets initiatorSecrets = initiator.secrets();
        RouterSecrets responderSecrets = responder.secrets();
        Optional<LoadedSecret> initiatorKey = initiatorSecrets.lookup(sentByInitiator, initiatorAccepts);
        if (initiatorKey.isEmpty()) {
            return failAt(
                    initiator,
                    "IKE_AUTH",
                    Obstacle.PSK_NOT_FOUND,
                    initiator.label() + " has no pre-shared key for " + sentByInitiator + " - " + initiatorAccepts
                            + " (no shared key found), so it cannot build its AUTH");
        }
        IkeIdentity responderSelf = responder.localIdConfigured()
                ? responder.configuredLocalIdentity()
                : requestedResponderId != null ? requestedResponderId : IkeIdentity.ANY;
        Optional<LoadedSecret> responderKey = responderSecrets.lookup(responderSelf, sentByInitiator);
        if (responderKey.isEmpty()) {
            return failAt(
                    responder,
                    "IKE_AUTH",
                    Obstacle.PSK_NOT_FOUND,
                    responder.label() + " looks up the pre-shared key by "
                            + "identity ('" + responderSelf + "' - '" + sentByInitiator + "') and has none for "
                            + sentByInitiator.describe() + " (no shared key found, AUTHENTICATION_FAILED)");
        }
        if (!initiatorKey.get().key().sameSecretAs(responderKey.get().key())) {
            return failAt(
                    responder,
                    "IKE_AUTH",
                    Obstacle.PSK_DIFFERENT,
                    keysDiffer(initiatorKey.get(), responderKey.get())
                            + " (verification of AUTH payload failed, AUTHENTICATION_FAILED)");
        }
        step(
                "IKE_AUTH",
                responder.label() + " accepts IDi " + sentByInitiator.describe() + " and verifies it with "
                        + initiatorKey.get().label() + "'s key");
        IkeIdentity sentByResponder = responder.localIdConfigured()
                ? responder.configuredLocalIdentity()
                : requestedResponderId != null ? requestedResponderId : IkeIdentity.ofAddress(responder.ikeAddress());
        if (!sentByResponder.satisfies(initiatorAccepts)) {
            return failAt(
                    initiator,
                    "IKE_AUTH",
                    Obstacle.IDENTITY_NOT_ACCEPTED,
                    responder.label() + " answers with IDr "
                            + sentByResponder.describe() + " but " + initiator.label() + " accepts only "
                            + initiatorAccepts.describe() + " (constraint check failed)");
        }
        Optional<LoadedSecret> responderSigns = responderSecrets.lookup(sentByResponder, sentByInitiator);
        Optional<LoadedSecret> initiatorVerifies = initiatorSecrets.lookup(sentByInitiator, sentByResponder);
        if (responderSigns.isEmpty()
                || initiatorVerifies.isEmpty()
                || !responderSigns
                        .get()
                        .key()
                        .sameSecretAs(initiatorVerifies.get().key())) {
            return failAt(
                    initiator,
                    "IKE_AUTH",
                    Obstacle.PSK_DIFFERENT,
                    "the responder's AUTH (" + sentByResponder
                            + ") is built and verified with different or missing keys (AUTHENTICATION_FAILED)");
        }
        step("IKE_AUTH", initiator.label() + " accepts IDr " + sentByResponder.describe() + "; IKE_SA established");
        return new NegotiationResult(initiator, responder, 2, steps, null, null);
    }

    private NegotiationResult authenticateMainMode(
            IPAddress source, IPAddress target, IPAddress arrivesAt, IPAddress seenFrom) {
        RouterSecrets initiatorSecrets = initiator.secrets();
        RouterSecrets responderSecrets = responder.secrets();
        IkeIdentity initiatorAccepts = initiator.acceptedIdentity();
        IkeIdentity responderAccepts = responder.acceptedIdentity();
        // charon 5.9: the initiator looks the key up by its configured identities (its own IP when no local id is
        // set), the responder, which does not know the peer's identity yet, by the ids of its connection when it
        // has a local id. Both then fall back to the two IP addresses as each sees them (the peer's after NAT).
        // (docs/semantics/strongswan.md#ikev1-main-mode-psk-lookup)
        Optional<LoadedSecret> initiatorKey = initiatorSecrets.lookup(initiator.sentIdentity(), initiatorAccepts);
        if (initiatorKey.isEmpty()) {
            initiatorKey = initiatorSecrets.lookup(IkeIdentity.ofAddress(source), IkeIdentity.ofAddress(target));
        }
        // An unknown NAT address (null) stands for "an address no secret names": it matches only %any owners,
        // exactly like the %any query does.
        IkeIdentity seen = seenFrom == null ? IkeIdentity.ANY : IkeIdentity.ofAddress(seenFrom);
        Optional<LoadedSecret> responderKey = responder.localIdConfigured()
                ? responderSecrets.lookup(responder.configuredLocalIdentity(), responderAccepts)
                : Optional.empty();
        if (responderKey.isEmpty()) {
            responderKey = responderSecrets.lookup(IkeIdentity.ofAddress(arrivesAt), seen);
        }
        step(
                "Main Mode KE",
                "the PSK is needed before identities are exchanged: " + initiator.label()
                        + " looks it up by its ids '" + initiator.sentIdentity() + "' - '" + initiatorAccepts
                        + "', then by the addresses " + text(source) + " - " + text(target) + "; "
                        + responder.label()
                        + (responder.localIdConfigured()
                                ? " by its ids '" + responder.configuredLocalIdentity() + "' - '" + responderAccepts
                                        + "', then"
                                : "")
                        + " by the addresses " + text(arrivesAt) + " - "
                        + (seenFrom == null ? "the NAT's public address" : text(seenFrom))
                        + " (the initiator as seen after NAT)");
        if (initiatorKey.isEmpty()) {
            return failAt(
                    initiator,
                    "Main Mode KE",
                    Obstacle.PSK_NOT_FOUND,
                    initiator.label() + " has no pre-shared key for '"
                            + initiator.sentIdentity() + "' - '" + initiatorAccepts + "' nor for " + text(source)
                            + " - "
                            + text(target) + " (no shared key found)");
        }
        if (responderKey.isEmpty()) {
            return failAt(
                    responder,
                    "Main Mode KE",
                    Obstacle.PSK_NOT_FOUND,
                    responder.label() + " has no pre-shared key for "
                            + text(arrivesAt) + " - " + (seenFrom == null ? "the NAT's public address" : text(seenFrom))
                            + (responder.localIdConfigured()
                                    ? " nor for '" + responder.configuredLocalIdentity() + "' - '" + responderAccepts
                                            + "'"
                                    : "")
                            + " (no shared key found, INVALID_KEY_INFORMATION)");
        }
        if (!initiatorKey.get().key().sameSecretAs(responderKey.get().key())) {
            return failAt(
                    responder,
                    "Main Mode KE",
                    Obstacle.PSK_DIFFERENT,
                    keysDiffer(initiatorKey.get(), responderKey.get())
                            + ": the encrypted ID payload cannot be decrypted (INVALID_PAYLOAD / AUTHENTICATION_FAILED)");
        }
        IkeIdentity sentByInitiator = initiator.sentIdentity();
        step(
                "Main Mode ID",
                initiator.label() + " sends ID " + sentByInitiator.describe()
                        + (initiator.localIdConfigured() ? " (its local id)" : " (no local id: its own IKE address)"));
        if (!sentByInitiator.satisfies(responderAccepts)) {
            return failAt(
                    responder,
                    "Main Mode ID",
                    Obstacle.IDENTITY_NOT_ACCEPTED,
                    responder.label() + " accepts only "
                            + responderAccepts.describe() + ", not " + sentByInitiator.describe()
                            + " (charon: no peer config found, AUTHENTICATION_FAILED)");
        }
        IkeIdentity sentByResponder = responder.sentIdentity();
        if (!sentByResponder.satisfies(initiatorAccepts)) {
            return failAt(
                    initiator,
                    "Main Mode ID",
                    Obstacle.IDENTITY_NOT_ACCEPTED,
                    responder.label() + " answers with ID "
                            + sentByResponder.describe() + " but " + initiator.label() + " accepts only "
                            + initiatorAccepts.describe() + " (constraint check failed)");
        }
        step("Main Mode ID", "identities accepted on both sides; IKE_SA established");
        return new NegotiationResult(initiator, responder, 1, steps, null, null);
    }

    private String keysDiffer(LoadedSecret initiatorKey, LoadedSecret responderKey) {
        return initiator.label() + " uses the key of " + initiatorKey.label() + " (" + initiatorKey.location()
                + "), " + responder.label() + " the key of " + responderKey.label() + " ("
                + responderKey.location() + "), and the two secrets differ";
    }

    private static boolean sameIkeProposal(IkeAlgorithms offered, IkeAlgorithms configured, int version) {
        boolean base = offered.encryption().equals(configured.encryption())
                && offered.hash().equals(configured.hash())
                && Objects.equals(offered.dhGroup(), configured.dhGroup());
        // IKEv1 has no separate PRF transform: the hash is the PRF.
        return base && (version == 1 || offered.prf().equals(configured.prf()));
    }

    private static String render(List<IkeAlgorithms> proposals) {
        return proposals.isEmpty() ? "nothing (no ike-group)" : IkeAlgorithms.renderAll(proposals);
    }

    private void step(String exchange, String detail) {
        steps.add(new ExchangeStep(exchange, detail, false));
    }

    /** Ends the replay at a failing step; {@code decidedBy} is the end whose charon gives up or rejects. */
    private NegotiationResult failAt(PeerEnd decidedBy, String exchange, Obstacle obstacle, String detail) {
        steps.add(new ExchangeStep(exchange, detail, true));
        return new NegotiationResult(initiator, responder, initiator.initiatingVersion(), steps, obstacle, decidedBy);
    }

    static String text(IPAddress address) {
        return address == null ? "?" : address.toCanonicalString();
    }
}
