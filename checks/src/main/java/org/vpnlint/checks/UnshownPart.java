package org.vpnlint.checks;

import java.util.List;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;
import org.vpnlint.model.SourceLocation;

/**
 * The note a rule gives instead of a finding when its claim is that something is absent (an address, a route, a
 * NAT or firewall rule) and the file does not show the part of the router where it would be: a documentation
 * snippet or a forum post shows only the VPN part, and the rest of the router may well hold what is missing.
 * See docs/semantics/completeness.md.
 */
public final class UnshownPart {

    private UnshownPart() {}

    /** The first of {@code parts} that the router's file does not show whole, or null when all are shown. */
    public static RouterPart missing(Router router, RouterPart... parts) {
        for (RouterPart part : parts) {
            if (!router.shows(part)) return part;
        }
        return null;
    }

    /**
     * {@code found} when the router's file shows every part in {@code needed}; otherwise each finding becomes a note
     * that says what it rests on and what the file does not show (notes pass through unchanged).
     */
    public static List<Finding> gate(Router router, List<Finding> found, RouterPart... needed) {
        RouterPart missing = missing(router, needed);
        if (missing == null) return found;
        return found.stream()
                .map(finding -> finding.level() == Level.NOTE ? finding : withheld(finding, router, missing))
                .toList();
    }

    private static Finding withheld(Finding finding, Router router, RouterPart part) {
        String message = "Not reported as a finding: it rests on " + router.file() + " having no other "
                + part.description() + " than those it shows, and "
                + router.completeness().whyIncomplete(part)
                + ". Declare the file complete in .vpnlint.yaml (fragments:) if it is the whole router. In the file as"
                + " shown: "
                + finding.message();
        return finding.asNote(message, "unshown-" + part.id());
    }

    /**
     * A note at {@code location}: {@code claim} is what the rule would otherwise report, as a clause
     * ("the local-address 203.0.113.7 of peer 192.0.2.1 is on no interface").
     */
    public static Finding note(
            RuleMetadata rule, Router router, RouterPart part, String claim, SourceLocation location, String subject) {
        String message = "Not checked whether " + claim + ": that needs all the " + part.description() + " of the"
                + " router, and " + router.completeness().whyIncomplete(part) + ". Declare the file complete, or give"
                + " the missing facts, in .vpnlint.yaml (fragments:).";
        return Finding.of(rule)
                .level(Level.NOTE)
                .message(message)
                .at(location)
                .subject(subject + "|unshown-" + part.id())
                .build();
    }
}
