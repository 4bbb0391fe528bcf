package org.vpnlint.checks.tables;

import java.math.BigInteger;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.UndecidedNote;
import org.vpnlint.checks.Witness;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/** Turns the verdicts of {@link ShadowedRules} into findings located at the rule that never acts. */
final class ShadowFindings {

    private ShadowFindings() {}

    /**
     * @param subject  a stable name of the shadowed rule (its configuration path)
     * @param fix      the suggested change, or null
     */
    static Finding shadowed(
            RuleMetadata metadata,
            ShadowedRules.Chain chain,
            ShadowedRules.Shadowed shadowed,
            String subject,
            Router router,
            ConfigChange fix) {
        ChainEntry rule = shadowed.rule();
        String causes = shadowed.singleCause()
                ? shadowed.covering().get(0).label() + " ("
                        + shadowed.covering().get(0).action() + ")"
                : "the earlier rules "
                        + String.join(
                                ", ",
                                shadowed.covering().stream()
                                        .map(c -> c.label() + " (" + c.action() + ")")
                                        .toList())
                        + " together";
        boolean sameAction =
                shadowed.covering().stream().allMatch(c -> c.action().equals(rule.action()));
        String consequence = sameAction
                ? "It is redundant: the packets it would " + rule.action()
                        + " get the same treatment from the earlier rule."
                : "Its " + rule.action() + " never happens; the earlier rule decides those packets instead.";
        String message = rule.label() + " (" + rule.action() + ") never acts: " + causes + " already "
                + (shadowed.singleCause() ? "matches" : "match") + " every packet it would match in " + chain.name()
                + ". "
                + consequence;
        List<RelatedLocation> related = shadowed.covering().stream()
                .filter(c -> c.location() != null)
                .map(c -> new RelatedLocation(c.location(), c.label() + " matches first"))
                .toList();
        Witness witness = witness(chain, shadowed.example());
        // the example carries no ICMP type or TCP flags; it stands for a packet that also meets the rule's own
        String details = rule.details().isAny() ? "" : " (" + rule.details().describe() + ")";
        String header = describe(chain.family(), shadowed.example()) + details;
        List<TraceStep> trace = List.of(new TraceStep.Note(
                chain.hook().stage(),
                shadowed.takenBy().label() + " matches first ("
                        + shadowed.takenBy().action() + "); " + rule.label() + " is never reached",
                shadowed.takenBy().location(),
                header,
                null));
        return Finding.of(metadata)
                .message(message)
                .at(rule.location())
                .related(related)
                .witness(witness)
                .trace(trace)
                .fix(router, fix)
                .subject(subject)
                .build();
    }

    /** The solver gave up: said as a note, never read as "reachable". */
    static Finding undecided(
            RuleMetadata metadata, ShadowedRules.Chain chain, ShadowedRules.Undecided undecided, String subject) {
        String question = undecided.rule().label() + " in " + chain.name() + " can ever act";
        SourceLocation location = undecided.rule().location();
        return undecided.solverGaveUp()
                ? UndecidedNote.solverGaveUp(metadata, question, undecided.reason(), location, subject)
                : UndecidedNote.unreadable(metadata, question, undecided.reason(), location, subject);
    }

    private static Witness witness(ShadowedRules.Chain chain, RulePacket.Values values) {
        boolean ports = values.protocol() == ProtocolMatch.TCP || values.protocol() == ProtocolMatch.UDP;
        // source NAT sees where a packet leaves, not where it came from
        String in = switch (chain.hook()) {
            case OUTPUT -> "local";
            case POSTROUTING -> "any, leaving by " + chain.interfaces().describe(values.outbound());
            default -> chain.interfaces().describe(values.inbound());
        };
        return new Witness(
                address(chain.family(), values.src()),
                address(chain.family(), values.dst()),
                ProtocolMatch.name(values.protocol()),
                ports ? values.srcPort() : null,
                ports ? values.dstPort() : null,
                in,
                "up");
    }

    private static String describe(AddressFamily family, RulePacket.Values values) {
        boolean ports = values.protocol() == ProtocolMatch.TCP || values.protocol() == ProtocolMatch.UDP;
        String from = address(family, values.src()) + (ports ? ":" + values.srcPort() : "");
        String to = address(family, values.dst()) + (ports ? ":" + values.dstPort() : "");
        return ProtocolMatch.name(values.protocol()) + " " + from + " → " + to;
    }

    private static String address(AddressFamily family, BigInteger value) {
        return family.addressOf(value).toCompressedString();
    }
}
