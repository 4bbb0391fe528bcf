package org.vpnlint.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much of the router its file shows. A whole {@code config.boot} shows everything; a fragment (a documentation
 * snippet, a forum post's {@code show vpn} output, a file with {@code [SNIP]} in it) shows only some parts, and
 * what it does not show may well exist on the router. {@code unshown} maps each part that is not known to be
 * complete to why, written as a clause that completes "vpnlint cannot tell, because ..." (e.g. "the file does not
 * define eth0, which vpn ipsec interface names"). An empty map is a whole router.
 */
public record Completeness(Map<RouterPart, String> unshown) {

    public static final Completeness WHOLE = new Completeness(Map.of());

    public Completeness {
        EnumMap<RouterPart, String> copy = new EnumMap<>(RouterPart.class);
        copy.putAll(unshown);
        unshown = Collections.unmodifiableMap(copy);
    }

    /** Whether the file shows this part of the router entirely, so that what it does not hold is absent. */
    public boolean isComplete(RouterPart part) {
        return !unshown.containsKey(part);
    }

    /** Why {@code part} may be incomplete (a clause after "because"), or null when it is complete. */
    public String whyIncomplete(RouterPart part) {
        return unshown.get(part);
    }

    /** The same, with {@code part} declared complete (by the user in {@code .vpnlint.yaml}). */
    public Completeness declaredComplete(RouterPart part) {
        EnumMap<RouterPart, String> rest = new EnumMap<>(RouterPart.class);
        rest.putAll(unshown);
        rest.remove(part);
        return new Completeness(rest);
    }
}
