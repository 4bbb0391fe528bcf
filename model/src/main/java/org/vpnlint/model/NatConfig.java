package org.vpnlint.model;

import java.util.Comparator;
import java.util.List;

/** All NAT rules of a router (IPv4 and IPv6 alike), each list sorted by rule number, disabled rules included. */
public record NatConfig(List<NatRule> sourceRules, List<NatRule> destinationRules) {

    public static final NatConfig NONE = new NatConfig(List.of(), List.of());

    public NatConfig {
        sourceRules = sortedByNumber(sourceRules);
        destinationRules = sortedByNumber(destinationRules);
    }

    private static List<NatRule> sortedByNumber(List<NatRule> rules) {
        return rules.stream().sorted(Comparator.comparingInt(NatRule::number)).toList();
    }
}
