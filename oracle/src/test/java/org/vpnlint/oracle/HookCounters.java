package org.vpnlint.oracle;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many probe packets passed each router hook (see {@link ObserverRuleset#routerHooks()}).
 *
 * @param prerouting      entered PREROUTING (forwarded or to be delivered locally)
 * @param input           entered INPUT (delivered to the router)
 * @param forwardEntered  entered FORWARD: routing and the first outbound XFRM lookup let it through
 * @param forwardLeft     left FORWARD: no filter dropped it
 * @param outputEntered   entered OUTPUT (locally generated, route and XFRM lookup done at socket level)
 * @param outputLeft      left OUTPUT
 * @param postroutingLeft left POSTROUTING, after SNAT and the XFRM re-lookup that follows it
 */
public record HookCounters(
        long prerouting,
        long input,
        long forwardEntered,
        long forwardLeft,
        long outputEntered,
        long outputLeft,
        long postroutingLeft) {

    private static final Pattern CHAIN_COUNTER = Pattern.compile("chain (\\w+) \\{[^}]*?counter packets (\\d+)");

    /** Reads {@code nft list table inet vpnlint_observer} output. */
    static HookCounters parse(String nftListing) {
        Map<String, Long> byChain = new HashMap<>();
        Matcher matcher = CHAIN_COUNTER.matcher(nftListing);
        while (matcher.find()) {
            byChain.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return new HookCounters(
                count(byChain, "prerouting_first"),
                count(byChain, "input_first"),
                count(byChain, "forward_first"),
                count(byChain, "forward_last"),
                count(byChain, "output_first"),
                count(byChain, "output_last"),
                count(byChain, "postrouting_last"));
    }

    private static long count(Map<String, Long> byChain, String chain) {
        Long value = byChain.get(chain);
        if (value == null) {
            throw new IllegalArgumentException("observer chain " + chain + " missing from nft listing");
        }
        return value;
    }

    @Override
    public String toString() {
        return "pre=" + prerouting + " in=" + input + " fwd=" + forwardEntered + "/" + forwardLeft + " out="
                + outputEntered + "/" + outputLeft + " post=" + postroutingLeft;
    }
}
