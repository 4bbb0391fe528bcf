package org.vpnlint.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A larval ("acquire") XFRM state: the kernel creates one, and sends an ACQUIRE, when a packet matches an outbound
 * policy whose template has no SA. Its reqid names the template (hence the policy) and its selector is the exact
 * flow of the lookup, i.e. the header the packet had at that lookup. It is the information of the ACQUIRE message,
 * readable synchronously after the send instead of parsing the monitor's output. The kernel keeps a larval state
 * only while someone listens for ACQUIREs ({@link AcquireListener}).
 *
 * @param reqid        the template's reqid
 * @param flow         the packet header at the time of the lookup (ports only for TCP/UDP)
 * @param tunnelSource the SA's local address: the template's, or, for a template without one, the source address
 *                     the kernel's route to the peer chose (xfrm_tmpl_resolve_one); null when not read
 */
public record LarvalState(int reqid, PacketHeader flow, String tunnelSource) {

    private static final Pattern ENDPOINTS = Pattern.compile("^src ([\\d.]+) dst ([\\d.]+)");

    /** A larval state whose tunnel endpoints are not part of what is compared. */
    public LarvalState(int reqid, PacketHeader flow) {
        this(reqid, flow, null);
    }

    private static final Pattern REQID = Pattern.compile("\\breqid (\\d+)");
    private static final Pattern SELECTOR = Pattern.compile(
            "\\bsel src ([\\d.]+)/\\d+ dst ([\\d.]+)/\\d+(?: proto (\\w+))?(?: sport (\\d+))?(?: dport (\\d+))?");

    /** Reads {@code ip xfrm state} output; every state on this kernel is larval (no SA can be installed). */
    static List<LarvalState> parseAll(String ipXfrmState) {
        List<LarvalState> states = new ArrayList<>();
        // Each state starts with an unindented "src A dst B" line.
        for (String block : ipXfrmState.split("\n(?=src )")) {
            Matcher reqid = REQID.matcher(block);
            Matcher selector = SELECTOR.matcher(block);
            Matcher endpoints = ENDPOINTS.matcher(block.strip());
            if (!reqid.find() || !selector.find() || selector.group(3) == null) {
                continue;
            }
            IpProtocol protocol = IpProtocol.parse(selector.group(3));
            int sourcePort = protocol.hasPorts() && selector.group(4) != null ? Integer.parseInt(selector.group(4)) : 0;
            int destinationPort =
                    protocol.hasPorts() && selector.group(5) != null ? Integer.parseInt(selector.group(5)) : 0;
            states.add(new LarvalState(
                    Integer.parseInt(reqid.group(1)),
                    new PacketHeader(protocol, selector.group(1), selector.group(2), sourcePort, destinationPort),
                    endpoints.find() ? endpoints.group(1) : null));
        }
        return states;
    }

    @Override
    public String toString() {
        return "reqid " + reqid + ": " + flow + (tunnelSource == null ? "" : " (SA from " + tunnelSource + ")");
    }
}
