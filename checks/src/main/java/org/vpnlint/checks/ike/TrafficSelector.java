package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One side of a CHILD_SA's traffic selectors: prefixes plus optional protocol and port, as VyOS renders
 * {@code tunnel N local|remote prefix ... [proto/port]}. Intersection follows strongSwan's narrowing: prefixes
 * intersect pairwise, an unset protocol or port matches any.
 */
public record TrafficSelector(List<IPAddress> prefixes, Integer protocol, Integer port) {

    public TrafficSelector {
        prefixes = prefixes.stream().map(IPAddress::toPrefixBlock).toList();
    }

    /** The narrowed selector, or null when nothing is common. */
    public TrafficSelector intersect(TrafficSelector other) {
        if (protocol != null && other.protocol != null && !protocol.equals(other.protocol)) return null;
        if (port != null && other.port != null && !port.equals(other.port)) return null;
        List<IPAddress> common = new ArrayList<>();
        for (IPAddress mine : prefixes) {
            for (IPAddress theirs : other.prefixes) {
                if (mine.getIPVersion() != theirs.getIPVersion()) continue;
                if (mine.contains(theirs)) common.add(theirs);
                else if (theirs.contains(mine)) common.add(mine);
            }
        }
        if (common.isEmpty()) return null;
        return new TrafficSelector(
                common, protocol != null ? protocol : other.protocol, port != null ? port : other.port);
    }

    public boolean sameAs(TrafficSelector other) {
        return other != null
                && Objects.equals(new HashSet<>(prefixes), new HashSet<>(other.prefixes))
                && Objects.equals(protocol, other.protocol)
                && Objects.equals(port, other.port);
    }

    /** e.g. {@code 192.168.10.0/24[tcp/22]}. */
    public String render() {
        String addresses = String.join(
                ",", prefixes.stream().map(IPAddress::toCanonicalString).toList());
        if (protocol == null && port == null) return addresses;
        return addresses + "[" + (protocol == null ? "0" : Protocols.name(protocol)) + (port == null ? "" : "/" + port)
                + "]";
    }
}
