package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.IpsecMatch;
import org.vpnlint.model.LoadBalanceGroup;
import org.vpnlint.model.LoadBalancedWan;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.OwnConnectionRule;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.Router;
import org.vpnlint.model.ZoneChains;
import org.vpnlint.oracle.NftRuleset;

/**
 * The router's nftables as VyOS 1.4+ renders them (docs/semantics/vyos-rendering.md#nat-rendering,
 * docs/semantics/vyos-rendering.md#firewall-chains): {@code table ip vyos_nat} with destination rules in
 * PREROUTING and source rules in POSTROUTING, in rule-number order, disabled rules left out; {@code exclude} is
 * {@code return}. The IPv4 forward filter goes to {@code table ip vyos_filter}, named rulesets to {@code NAME_<x>}
 * chains. Input and output filters are not rendered: the oracle cannot tell an INPUT drop from a delivery, and the
 * output filter in the model also judges ESP packets, which this kernel cannot produce. Zone policies render as
 * VyOS's nftables-zone template does: a {@code VYOS_ZONE_FORWARD} base chain at priority 1 (after the forward
 * filter at 0) jumping to one {@code VZONE_<zone>} chain per zone.
 */
final class NftRenderer {

    private final Router router;
    private final NftMatchText matchText;
    private final String balancedWan;

    /**
     * @param balancedWan the WAN the load balancer chooses for the probe's connection ({@code ConcretePacket.wan}),
     *                    null for the group's first WAN
     */
    NftRenderer(Router router, InterfaceMapping interfaces, String balancedWan) {
        this.router = router;
        this.matchText = new NftMatchText(router, interfaces);
        this.balancedWan = balancedWan;
    }

    NftRuleset render() {
        NatConfig nat = router.nat() == null ? NatConfig.NONE : router.nat();
        List<String> destination = new ArrayList<>();
        for (NatRule rule : nat.destinationRules()) {
            if (!rule.disabled() && isIpv4(rule)) destination.add(natRule(rule));
        }
        List<String> source = new ArrayList<>();
        for (NatRule rule : nat.sourceRules()) {
            if (!rule.disabled() && isIpv4(rule)) source.add(natRule(rule));
        }
        NftRuleset ruleset = destination.isEmpty() && source.isEmpty()
                ? NftRuleset.empty()
                : NftRuleset.vyosNat(destination, source);
        return ruleset.plus(filter())
                .plus(mangle())
                .plus(ownConnectionBalancing())
                .plus(loadBalancerNat());
    }

    /** A ruleset's chain name; each load-balancing rule is a ruleset of its own, named by its path. */
    private static String chainName(PolicyRoute ruleset) {
        return ruleset.name().contains(" ") ? ruleset.path().replace(' ', '_') : ruleset.name();
    }

    // ---- WAN load balancing -------------------------------------------------------------------------------------

    /**
     * The load balancer's marking (docs/semantics/wan-load-balancing.md): the packet and its connection get the mark
     * of the WAN chosen for the probe, whose number is also its table. The daemon's random choice among the WANs
     * ({@code statistic --probability}) is rendered as the one choice the case replays, as the model replays it.
     */
    private String balancingAction(PolicyRouteRule rule) {
        LoadBalancedWan wan = chosenWan(rule);
        String mark = "0x" + Integer.toHexString(wan.table());
        return "meta mark set " + mark + " ct mark set " + mark + " return";
    }

    /** The WAN of the rule's group the probe is balanced to; a choice outside the group means its first WAN. */
    private LoadBalancedWan chosenWan(PolicyRouteRule rule) {
        return chosenWan(router.loadBalanceGroupOf(rule)
                .orElseThrow(() -> new UnsupportedCase(rule.path() + ": no load-balance group")));
    }

    private LoadBalancedWan chosenWan(LoadBalanceGroup group) {
        if (group.wans().isEmpty()) throw new UnsupportedCase(group.path() + ": a group without WANs");
        return group.wans().stream()
                .filter(wan -> wan.interfaceName().equals(balancedWan))
                .findFirst()
                .orElse(group.wans().get(0));
    }

    /**
     * The load balancer's chain for the router's own connections (docs/semantics/wan-load-balancing.md): mangle
     * OUTPUT in iptables-nft is a {@code type route} chain, so a changed mark makes the kernel route the packet
     * again. As the wan_lb daemon fills WANLOADBALANCE_OUT: marked packets, ICMP and loopback pass first; then each
     * rule with its OUTPUT condition on the outbound interface, an exclude accepting, a balancing rule setting the
     * packet and connection mark of the chosen WAN.
     */
    private NftRuleset ownConnectionBalancing() {
        if (router.ownConnectionBalancing().isEmpty()) return NftRuleset.empty();
        StringBuilder text = new StringBuilder("table ip vyos_wanloadbalance_out {\n");
        text.append("\tchain wlb_mangle_output {\n\t\ttype route hook output priority mangle; policy accept;\n");
        text.append("\t\tmeta mark != 0x0 accept\n");
        text.append("\t\tip protocol icmp accept\n");
        text.append("\t\tip saddr 127.0.0.0/8 ip daddr 127.0.0.0/8 accept\n");
        for (OwnConnectionRule own : router.ownConnectionBalancing()) {
            List<String> parts = new ArrayList<>();
            matchText.interfaceCondition("oifname", own.outbound()).ifPresent(parts::add);
            String packet = matchText.packet(own.rule().match());
            if (!packet.isEmpty()) parts.add(packet);
            if (own.balances()) {
                String mark = "0x" + Integer.toHexString(chosenWan(own.group()).table());
                parts.add("meta mark set " + mark + " ct mark set " + mark + " accept");
            } else {
                parts.add("accept");
            }
            text.append("\t\t").append(String.join(" ", parts)).append('\n');
        }
        return new NftRuleset(text.append("\t}\n}\n").toString());
    }

    /**
     * The load balancer's own source NAT, as the wan_lb daemon and its nftables rewrite install it: a connection
     * marked for a WAN is translated to that WAN's address in a NAT chain ahead of VyOS's ({@code srcnat - 1}), one
     * rule per WAN of each group that balances with source NAT.
     */
    private NftRuleset loadBalancerNat() {
        List<String> rules = new ArrayList<>();
        for (PolicyRoute ruleset : router.policyRoutes()) {
            for (PolicyRouteRule rule : ruleset.rules()) {
                LoadBalanceGroup group = router.loadBalanceGroupOf(rule).orElse(null);
                if (rule.disabled() || group == null || !group.sourceNat()) continue;
                for (LoadBalancedWan wan : group.wans()) {
                    String address = router.findInterface(wan.interfaceName())
                            .flatMap(i -> i.addresses().stream()
                                    .filter(a -> a.isIPv4())
                                    .findFirst())
                            .map(a -> Ipv4Text.host(a))
                            .orElseThrow(() -> new UnsupportedCase(wan.interfaceName() + ": no IPv4 address"));
                    rules.add("ct mark 0x" + Integer.toHexString(wan.table()) + " snat to " + address);
                }
            }
        }
        if (rules.isEmpty()) return NftRuleset.empty();
        StringBuilder text = new StringBuilder("table ip vyos_wanloadbalance {\n");
        text.append(
                "\tchain wlb_nat_postrouting {\n\t\ttype nat hook postrouting priority srcnat - 1; policy accept;\n");
        rules.stream()
                .distinct()
                .forEach(rule -> text.append("\t\t").append(rule).append('\n'));
        return new NftRuleset(text.append("\t}\n}\n").toString());
    }

    // ---- policy routing -----------------------------------------------------------------------------------------

    /**
     * VyOS 1.4 policy routing (nftables-policy.j2, firewall.py): {@code table ip vyos_mangle}, a prerouting chain at
     * priority -150 jumping to one chain per bound ruleset; {@code set table N} is {@code meta mark set
     * 0x7fffffff-N} then {@code return}; {@code set mark} only sets the mark.
     */
    private NftRuleset mangle() {
        List<PolicyRoute> rulesets = router.policyRoutes().stream()
                .filter(r -> !r.ipv6() && r.boundTo() != null)
                .toList();
        if (rulesets.isEmpty()) return NftRuleset.empty();
        StringBuilder text = new StringBuilder("table ip vyos_mangle {\n");
        text.append("\tchain VYOS_PBR_PREROUTING {\n\t\ttype filter hook prerouting priority -150; policy accept;\n");
        for (PolicyRoute ruleset : rulesets) {
            String bound =
                    matchText.interfaceCondition("iifname", ruleset.boundTo()).orElseThrow();
            text.append("\t\t")
                    .append(bound)
                    .append(" jump VYOS_PBR_UD_")
                    .append(chainName(ruleset))
                    .append('\n');
        }
        text.append("\t}\n");
        for (PolicyRoute ruleset : rulesets) {
            text.append("\tchain VYOS_PBR_UD_").append(chainName(ruleset)).append(" {\n");
            List<PolicyRouteRule> ordered = new ArrayList<>(ruleset.rules());
            ordered.sort(java.util.Comparator.comparingInt(PolicyRouteRule::number));
            for (PolicyRouteRule rule : ordered) {
                if (rule.disabled()) continue;
                String packet = matchText.packet(rule.match());
                String action = switch (rule.action()) {
                    case SET_TABLE ->
                        "meta mark set 0x" + Long.toHexString(RouteRenderer.MARK_OFFSET - rule.table()) + " return";
                    case SET_MARK -> "meta mark set 0x" + Long.toHexString(rule.mark());
                    case DROP -> "drop";
                    case ACCEPT -> "accept";
                    case UNKNOWN -> throw new UnsupportedCase(rule.path() + ", whose action vpnlint does not read");
                    case LOAD_BALANCE -> balancingAction(rule);
                };
                text.append("\t\t")
                        .append(packet.isEmpty() ? action : packet + " " + action)
                        .append('\n');
            }
            text.append("\t}\n");
        }
        return new NftRuleset(text.append("}\n").toString());
    }

    private String natRule(NatRule rule) {
        boolean sourceNat = rule.direction() == NatDirection.SOURCE;
        List<String> parts = new ArrayList<>();
        matchText
                .interfaceCondition(sourceNat ? "oifname" : "iifname", rule.interfaceMatch())
                .ifPresent(parts::add);
        String packet = matchText.packet(rule.match());
        if (!packet.isEmpty()) parts.add(packet);
        parts.add(translation(rule, sourceNat));
        return String.join(" ", parts);
    }

    private static String translation(NatRule rule, boolean sourceNat) {
        NatTranslation translation = rule.translation();
        if (translation == null || translation.kind() == NatTranslation.Kind.EXCLUDE) return "return";
        String port = translation.port() == null ? "" : ":" + translation.port();
        if (translation.port() != null && !NftMatchText.impliesPorts(rule.match())) {
            throw new UnsupportedCase(
                    rule.path() + ": port translation without a TCP/UDP condition (nft --check fails)");
        }
        if (translation.kind() == NatTranslation.Kind.MASQUERADE) {
            if (!sourceNat) throw new UnsupportedCase(rule.path() + ": masquerade in a destination rule");
            return port.isEmpty() ? "masquerade" : "masquerade to " + port;
        }
        IPAddressSeqRange addresses = translation.addresses();
        if (addresses == null) throw new UnsupportedCase(rule.path() + ": port-only translation");
        String verb = sourceNat ? "snat" : "dnat";
        if (translation.prefixMapLength() != null) {
            // VyOS: snat ip prefix to ip saddr map { <source prefix> : <translation prefix> }
            PacketMatch match = rule.match();
            var key = sourceNat ? match.source() : match.destination();
            if (key.negated() || key.ranges().size() != 1) {
                throw new UnsupportedCase(rule.path() + ": prefix translation needs one matched prefix");
            }
            IPAddress target = addresses.getLower().toPrefixBlock(translation.prefixMapLength());
            return verb + " ip prefix to ip " + (sourceNat ? "saddr" : "daddr") + " map { "
                    + NftMatchText.rangeText(key.ranges().get(0)) + " : " + Ipv4Text.prefix(target) + " }";
        }
        String address = addresses.getLower().equals(addresses.getUpper())
                ? Ipv4Text.host(addresses.getLower())
                : Ipv4Text.host(addresses.getLower()) + "-" + Ipv4Text.host(addresses.getUpper());
        return verb + " to " + address + port;
    }

    private static boolean isIpv4(NatRule rule) {
        if (rule.path() != null && rule.path().startsWith("nat66")) return false;
        NatTranslation translation = rule.translation();
        if (translation != null && translation.addresses() != null)
            return translation.addresses().getLower().isIPv4();
        for (var match : List.of(rule.match().source(), rule.match().destination())) {
            if (!match.ranges().isEmpty())
                return match.ranges().get(0).getLower().isIPv4();
        }
        return true;
    }

    // ---- filter -------------------------------------------------------------------------------------------------

    private NftRuleset filter() {
        FirewallConfig config = router.firewall() == null ? FirewallConfig.OPEN : router.firewall();
        FirewallFamily family = config.ipv4() == null ? FirewallFamily.OPEN : config.ipv4();
        for (FirewallChain unrendered :
                List.of(family.input(), family.output(), family.zoneInput(), family.zoneOutput())) {
            boolean open = unrendered.rules().isEmpty()
                    && (unrendered.defaultAction() == null || unrendered.defaultAction() == FirewallAction.ACCEPT);
            if (!open) throw new UnsupportedCase("an IPv4 " + unrendered.name() + " filter");
        }
        FirewallChain forward = family.forward();
        boolean forwardOpen = forward.rules().isEmpty()
                && (forward.defaultAction() == null || forward.defaultAction() == FirewallAction.ACCEPT);
        if (forwardOpen && family.zoneForward().rules().isEmpty()) return NftRuleset.empty();

        StringBuilder text = new StringBuilder("table ip vyos_filter {\n");
        FirewallAction policy =
                forward.defaultAction() == FirewallAction.DROP ? FirewallAction.DROP : FirewallAction.ACCEPT;
        text.append("\tchain VYOS_FORWARD_filter {\n\t\ttype filter hook forward priority 0; policy ")
                .append(policy == FirewallAction.DROP ? "drop" : "accept")
                .append(";\n");
        appendRules(text, forward);
        if (forward.defaultAction() == FirewallAction.REJECT) text.append("\t\treject\n");
        text.append("\t}\n");
        if (!family.zoneForward().rules().isEmpty()) {
            text.append("\tchain VYOS_ZONE_FORWARD {\n\t\ttype filter hook forward priority 1; policy accept;\n");
            appendRules(text, family.zoneForward());
            text.append("\t}\n");
        }
        family.named().forEach((name, chain) -> {
            text.append("\tchain ").append(chainName(name)).append(" {\n");
            appendRules(text, chain);
            FirewallAction fallThrough = chain.defaultAction() == null ? FirewallAction.RETURN : chain.defaultAction();
            text.append("\t\t").append(verdict(fallThrough, null)).append('\n');
            text.append("\t}\n");
        });
        return new NftRuleset(text.append("}\n").toString());
    }

    private void appendRules(StringBuilder text, FirewallChain chain) {
        for (FirewallRule rule : chain.rules()) {
            if (rule.disabled() || rule.action() == FirewallAction.CONTINUE) continue;
            List<String> parts = new ArrayList<>();
            matchText.interfaceCondition("iifname", rule.inbound()).ifPresent(parts::add);
            matchText.interfaceCondition("oifname", rule.outbound()).ifPresent(parts::add);
            String packet = matchText.packet(rule.match());
            if (!packet.isEmpty()) parts.add(packet);
            if (!rule.states().isEmpty()) {
                parts.add("ct state "
                        + NftMatchText.set(rule.states().stream()
                                .map(s -> s.name().toLowerCase(Locale.ROOT))
                                .sorted()
                                .toList()));
            }
            if (rule.ipsec() == IpsecMatch.IPSEC) parts.add("meta ipsec exists");
            if (rule.ipsec() == IpsecMatch.NONE) parts.add("meta ipsec missing");
            parts.add(verdict(rule.action(), rule.jumpTarget()));
            text.append("\t\t").append(String.join(" ", parts)).append('\n');
        }
    }

    /** VyOS's chain names: NAME_x for a ruleset, VZONE_x for a zone's chain. */
    private static String chainName(String name) {
        if (!ZoneChains.isZoneChain(name)) return "NAME_" + name;
        return "VZONE_" + name.substring("zone ".length()).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** nft verdicts; a {@code return} in a base chain ends it with the chain's policy, as in the model. */
    private static String verdict(FirewallAction action, String jumpTarget) {
        return switch (action) {
            case ACCEPT -> "accept";
            case DROP -> "drop";
            case REJECT -> "reject";
            case RETURN -> "return";
            case JUMP -> "jump " + chainName(jumpTarget);
            case CONTINUE -> "continue";
        };
    }
}
