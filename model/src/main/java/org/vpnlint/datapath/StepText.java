package org.vpnlint.datapath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vpnlint.datapath.TraceStep.CleartextTransmission;
import org.vpnlint.datapath.TraceStep.Decryption;
import org.vpnlint.datapath.TraceStep.Delivery;
import org.vpnlint.datapath.TraceStep.Discard;
import org.vpnlint.datapath.TraceStep.Encapsulation;
import org.vpnlint.datapath.TraceStep.EncryptedTransmission;
import org.vpnlint.datapath.TraceStep.Encryption;
import org.vpnlint.datapath.TraceStep.FilterDecision;
import org.vpnlint.datapath.TraceStep.InboundCheck;
import org.vpnlint.datapath.TraceStep.Note;
import org.vpnlint.datapath.TraceStep.OwnConnectionBalancing;
import org.vpnlint.datapath.TraceStep.OwnPacketNotTranslated;
import org.vpnlint.datapath.TraceStep.PolicyMatch;
import org.vpnlint.datapath.TraceStep.PolicyRouting;
import org.vpnlint.datapath.TraceStep.Route;
import org.vpnlint.datapath.TraceStep.TableMark;
import org.vpnlint.datapath.TraceStep.Translation;
import org.vpnlint.datapath.TraceStep.Tunnel;
import org.vpnlint.model.ProtocolMatch;

/**
 * The English of a trace step, the one place it is written: {@code vpnlint trace}, the JSON trace and every
 * report's witness trace show these words. E.g. a {@link Translation} reads {@code rule 10: src 192.168.10.100 →
 * 203.0.113.134}, a {@link Route} {@code 10.10.10.200 via 203.0.113.1 dev eth0 (default route 0.0.0.0/0)}.
 */
public final class StepText {

    private StepText() {}

    /** What the step did, in words. */
    public static String detail(TraceStep step) {
        if (step instanceof Note note) return note.detail();
        if (step instanceof Decryption decryption) return decryption(decryption);
        if (step instanceof PolicyRouting routing) return policyRouting(routing);
        if (step instanceof Translation translation) return translation(translation);
        if (step instanceof Route route) return route(route);
        if (step instanceof OwnConnectionBalancing balancing) return ownConnectionBalancing(balancing);
        if (step instanceof InboundCheck check) return inboundCheck(check);
        if (step instanceof PolicyMatch match) return policyMatch(match);
        if (step instanceof OwnPacketNotTranslated) {
            return "no destination NAT for the router's own packets (VyOS renders destination rules in PREROUTING"
                    + " only)";
        }
        if (step instanceof FilterDecision filter) return filter(filter);
        if (step instanceof Delivery) return "delivered to the router itself";
        if (step instanceof Encryption encryption) return encryption(encryption);
        if (step instanceof Discard discard) {
            return discard.device() + " is a " + discard.kind().name().toLowerCase(Locale.ROOT)
                    + " interface: the packet is discarded";
        }
        if (step instanceof Encapsulation encapsulation) return encapsulation(encapsulation);
        if (step instanceof CleartextTransmission cleartext) {
            return "leaves " + cleartext.egress() + " in cleartext as " + headerText(cleartext.header());
        }
        if (step instanceof EncryptedTransmission encrypted) {
            return "leaves " + encrypted.egress() + " as " + headerText(encrypted.outer()) + " carrying "
                    + headerText(encrypted.header()) + " (" + encrypted.tunnel() + ")";
        }
        throw new IllegalArgumentException(
                "a step without words: " + step.getClass().getSimpleName());
    }

    /** The packet's header after the step as one line ({@code tcp 192.168.10.100:1024 → 10.10.10.200:22}), or null. */
    public static String header(TraceStep step) {
        if (step instanceof Note note) return note.headerText();
        return step.header() == null ? null : step.header().toString();
    }

    private static String decryption(Decryption step) {
        if (!step.saUp()) return "no SA for " + step.tunnel().ref() + ": the ESP packet is dropped (XfrmInNoStates)";
        String decrypted =
                "ESP from " + step.peer() + " decrypted by " + step.tunnel().ref();
        return step.viaVti()
                ? decrypted + "; the inner packet enters PREROUTING on " + step.innerIngress()
                : decrypted + "; the inner packet enters PREROUTING again on " + step.innerIngress();
    }

    private static String translation(Translation step) {
        String what = step.destinationNat() ? "destination NAT" : "source NAT";
        if (step.rule() == null) return "no " + what + " rule matches";
        if (!step.translated()) return step.rule().label() + ": exclude, no " + what;
        ConcreteHeader before = step.before();
        ConcreteHeader after = step.header();
        List<String> changes = new ArrayList<>();
        if (!before.srcText().equals(after.srcText())) changes.add("src " + before.srcText() + " → " + after.srcText());
        if (!before.dstText().equals(after.dstText())) changes.add("dst " + before.dstText() + " → " + after.dstText());
        if (before.srcPort() != after.srcPort()) changes.add("sport " + before.srcPort() + " → " + after.srcPort());
        if (before.dstPort() != after.dstPort()) changes.add("dport " + before.dstPort() + " → " + after.dstPort());
        return step.rule().label() + ": "
                + (changes.isEmpty() ? "translates to the same address" : String.join(", ", changes));
    }

    private static String route(Route step) {
        String destination = step.header().dstText();
        RouteEntry entry = step.route();
        if (entry == null) return "no route to " + destination;
        String prefix = entry.prefix().toCompressedString();
        TableMark mark = step.mark();
        String markedBy = mark == null ? "-" : mark.rule().label();
        String detail = switch (entry.table()) {
            case LOCAL -> destination + " is " + entry.via();
            case IPSEC ->
                destination + " " + entry.via() + " (" + prefix + " in " + entry.origin()
                        + ", rule pref 220 before main)";
            case MAIN -> destination + " " + entry.via() + " (" + entry.origin() + " " + prefix + ")";
            case POLICY ->
                destination + " " + entry.via() + " (" + entry.origin() + " " + prefix + ", rule pref "
                        + entry.policyTable() + " for packets marked by " + markedBy + ")";
        };
        // a marked table without a route to the destination: the kernel's ip rules go on to the next table
        if (mark != null && entry.table() != RouteEntry.Table.POLICY && entry.table() != RouteEntry.Table.LOCAL) {
            detail += "; table " + mark.table() + " (" + markedBy + ") has no route to it, so the lookup went on"
                    + " to the next rule";
        }
        return detail;
    }

    private static String policyRouting(PolicyRouting step) {
        String effect = switch (step.action()) {
            case SET_TABLE -> {
                if (step.table() == 0) yield "the packet keeps the main lookup";
                String order = step.table() > RouteCompiler.IPSEC_RULE_PREFERENCE
                        ? "after strongSwan's table 220"
                        : "before strongSwan's table 220 at pref 220";
                yield "the packet is marked for table " + step.table() + " (ip rule pref " + step.table() + ", " + order
                        + ")";
            }
            case DROP -> "the packet is dropped";
            case LOAD_BALANCE ->
                step.balancing().configured()
                        ? "the load balancer marks the connection for "
                                + step.balancing().wan() + " (table "
                                + step.table() + ", ip rule pref " + step.table()
                                + "); another connection may get another WAN of "
                                + step.balancing().group()
                        : "the load-balance group is not configured; the packet is not marked";
            default -> "the ruleset ends; the packet is not marked";
        };
        return step.rule().label() + " matches: " + effect;
    }

    private static String ownConnectionBalancing(OwnConnectionBalancing step) {
        if (step.balancing() == null) {
            return step.rule().label() + " matches the router's own connection: excluded from load balancing, it"
                    + " keeps its route out of " + step.socketEgress();
        }
        return step.rule().label() + " matches the router's own connection: the load balancer marks it for "
                + step.balancing().wan() + ", and it is re-routed by load-balancing to " + step.egress() + " (table "
                + step.table() + "; the socket's route chose " + step.socketEgress() + ", and the source stays "
                + step.header().srcText() + "); another connection may get another WAN of "
                + step.balancing().group();
    }

    private static String inboundCheck(InboundCheck step) {
        String flow = flow(step.arrival());
        String addresses = flow + " as it arrived";
        Tunnel matched = step.matched();
        Tunnel decryptedBy = step.decryptedBy();
        if (matched == null) {
            return decryptedBy == null
                    ? "no inbound policy matches " + addresses
                    : "no inbound policy matches " + addresses + " (" + describe(decryptedBy) + " decrypted it)";
        }
        if (decryptedBy == null) {
            return flow + " arrived unencrypted but matches the inbound policy of " + describe(matched)
                    + ", which requires ESP";
        }
        if (!decryptedBy.ref().equals(matched.ref())) {
            return addresses + " matches the inbound policy of " + describe(matched) + ", but " + decryptedBy.ref()
                    + " decrypted it";
        }
        return addresses + " matches the inbound policy of " + describe(matched);
    }

    private static String policyMatch(PolicyMatch step) {
        String flow = flow(step.header());
        if (step.matched() == null) {
            String detail = "no policy matches " + flow;
            if (step.discarded() != null) {
                detail += "; the earlier match of " + describe(step.discarded()) + " is discarded";
            }
            return detail;
        }
        if (step.trap()) {
            return flow + " matches the trap policy of " + describe(step.matched()) + ", kept while the SA is down by "
                    + String.join(", ", step.trapSettings());
        }
        String detail = flow + " matches " + describe(step.matched());
        if (step.bundleEgress() != null) {
            detail += "; FORWARD/OUTPUT and POSTROUTING see out " + step.bundleEgress() + " (the SA's bundle; the route"
                    + " chose " + step.routeEgress() + ")";
        }
        return detail;
    }

    private static String filter(FilterDecision step) {
        String verdict = switch (step.action()) {
            case ACCEPT -> "accepted";
            case DROP -> "dropped";
            default -> "rejected";
        };
        return verdict + " (" + step.rule().label() + ")";
    }

    private static String encryption(Encryption step) {
        String how = step.udpEncapsulation() ? "ESP in UDP 4500 (forced encapsulation)" : "ESP";
        return "encrypted by " + describe(step.tunnel()) + " into " + how + " " + flow(step.header());
    }

    private static String encapsulation(Encapsulation step) {
        String endpoints =
                (step.outerSource() == null ? "?" : step.outerSource().toCompressedString()) + " → "
                        + (step.outerDestination() == null
                                ? "?"
                                : step.outerDestination().toCompressedString());
        return "enters " + step.device() + " as " + headerText(step.header()) + " and is encapsulated in "
                + ProtocolMatch.name(step.outerProtocol()) + " " + endpoints
                + " (a packet of the router itself: replay it with ingress local)";
    }

    /** "tunnel 1 of peer 192.0.2.150 (192.168.10.0/24 → 10.10.10.0/24)". */
    private static String describe(Tunnel tunnel) {
        return tunnel.ref() + " (" + tunnel.selectors() + ")";
    }

    private static String flow(ConcreteHeader header) {
        return header.srcText() + " → " + header.dstText();
    }

    /**
     * E.g. {@code udp 203.0.113.134:40000 → 10.10.10.200:5555}. Unlike {@link ConcreteHeader#toString()}, IPv6
     * addresses stand without brackets, as traces have always shown them.
     */
    private static String headerText(ConcreteHeader header) {
        String name = ProtocolMatch.name(header.protocol());
        if (!header.hasPorts()) return name + " " + flow(header);
        return name + " " + header.srcText() + ":" + header.srcPort() + " → " + header.dstText() + ":"
                + header.dstPort();
    }
}
