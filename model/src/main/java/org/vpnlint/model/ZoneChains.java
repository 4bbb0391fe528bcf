package org.vpnlint.model;

/**
 * How vpnlint names the chains of a zone policy (VyOS calls them VZONE_&lt;zone&gt;, VZONE_&lt;zone&gt;_IN and
 * _OUT). The names contain a space, which no VyOS ruleset name can, so they never meet a ruleset of the
 * configuration.
 */
public final class ZoneChains {

    /** The zone base chains of {@link FirewallFamily}, one per filter hook. */
    public static final String FORWARD_HOOK = "zone forward";

    public static final String INPUT_HOOK = "zone input";
    public static final String OUTPUT_HOOK = "zone output";

    private static final String PREFIX = "zone ";

    private ZoneChains() {}

    /** The chain of a zone's interfaces: traffic forwarded into the zone. */
    public static String into(String zone) {
        return PREFIX + zone;
    }

    /** The local zone's chain at the input hook: traffic to the router. */
    public static String toRouter(String localZone) {
        return PREFIX + localZone + " (to the router)";
    }

    /** The local zone's chain at the output hook: traffic the router sends. */
    public static String fromRouter(String localZone) {
        return PREFIX + localZone + " (from the router)";
    }

    /** Whether a chain (base or named) was built from a zone policy rather than written as a ruleset. */
    public static boolean isZoneChain(String chainName) {
        return chainName != null && chainName.startsWith(PREFIX);
    }
}
