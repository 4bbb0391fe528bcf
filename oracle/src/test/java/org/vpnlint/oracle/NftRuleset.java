package org.vpnlint.oracle;

import java.util.List;

/**
 * nftables text for the router, laid out as VyOS 1.4+ renders it (docs/semantics/vyos-rendering.md#nat-rendering): NAT
 * in {@code table ip vyos_nat} with PREROUTING at priority -100 (dstnat) and POSTROUTING at 100 (srcnat), each
 * starting with a jump to its (empty) VyOS hook chain; the forward filter in {@code table ip vyos_filter} at
 * priority 0. Rules are nft rule text in the order they should match, e.g. {@code oifname "r1" masquerade}.
 */
public record NftRuleset(String text) {

    public static NftRuleset empty() {
        return new NftRuleset("");
    }

    public static NftRuleset vyosNat(List<String> destinationRules, List<String> sourceRules) {
        return new NftRuleset("table ip vyos_nat {\n"
                + "\tchain PREROUTING {\n"
                + "\t\ttype nat hook prerouting priority -100; policy accept;\n"
                + "\t\tjump VYOS_PRE_DNAT_HOOK\n"
                + rules(destinationRules)
                + "\t}\n"
                + "\tchain POSTROUTING {\n"
                + "\t\ttype nat hook postrouting priority 100; policy accept;\n"
                + "\t\tjump VYOS_PRE_SNAT_HOOK\n"
                + rules(sourceRules)
                + "\t}\n"
                + "\tchain VYOS_PRE_DNAT_HOOK {\n\t\treturn\n\t}\n"
                + "\tchain VYOS_PRE_SNAT_HOOK {\n\t\treturn\n\t}\n"
                + "}\n");
    }

    public static NftRuleset sourceNat(String... sourceRules) {
        return vyosNat(List.of(), List.of(sourceRules));
    }

    public static NftRuleset destinationNat(String... destinationRules) {
        return vyosNat(List.of(destinationRules), List.of());
    }

    public static NftRuleset vyosForwardFilter(List<String> rules) {
        return new NftRuleset("table ip vyos_filter {\n"
                + "\tchain VYOS_FORWARD_filter {\n"
                + "\t\ttype filter hook forward priority 0; policy accept;\n"
                + rules(rules)
                + "\t}\n"
                + "}\n");
    }

    /** Both rulesets in one text, loaded in one atomic {@code nft -f}. */
    public NftRuleset plus(NftRuleset other) {
        return new NftRuleset(text + other.text);
    }

    private static String rules(List<String> rules) {
        StringBuilder text = new StringBuilder();
        // nft 1.0.6 needs each rule on its own line (or ended by ';') before a closing brace.
        rules.forEach(rule -> text.append("\t\t").append(rule).append('\n'));
        return text.toString();
    }
}
