package org.vpnlint.oracle;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers of the probes that arrived in one namespace, read from its observer sets
 * (see {@link ObserverRuleset#arrivalLog(String)}). TCP and UDP headers carry ports; ICMP and GRE ones do not.
 */
public record ArrivalLog(Set<PacketHeader> headers) {

    private static final Pattern SET_ELEMENTS =
            Pattern.compile("set (\\w+) \\{[^{]*?elements = \\{([^}]*)\\}", Pattern.DOTALL);

    public ArrivalLog {
        headers = Set.copyOf(headers);
    }

    /** Reads {@code nft list table inet vpnlint_observer} output. */
    static ArrivalLog parse(String nftListing) {
        Set<PacketHeader> withPorts = new LinkedHashSet<>();
        Set<PacketHeader> withoutPorts = new LinkedHashSet<>();
        Matcher set = SET_ELEMENTS.matcher(nftListing);
        while (set.find()) {
            for (String element : set.group(2).split(",")) {
                String[] fields = element.strip().split("\\s+\\.\\s+");
                IpProtocol protocol = IpProtocol.parse(fields[2]);
                if (set.group(1).equals("seen_ports")) {
                    withPorts.add(new PacketHeader(
                            protocol, fields[0], fields[1], Integer.parseInt(fields[3]), Integer.parseInt(fields[4])));
                } else if (!protocol.hasPorts()) {
                    withoutPorts.add(new PacketHeader(protocol, fields[0], fields[1], 0, 0));
                }
            }
        }
        Set<PacketHeader> all = new LinkedHashSet<>(withPorts);
        all.addAll(withoutPorts);
        return new ArrivalLog(all);
    }

    public boolean isEmpty() {
        return headers.isEmpty();
    }
}
