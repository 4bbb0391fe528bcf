package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.Router;

/** The index only saves work: for every rule it names exactly the earlier rules whose boxes meet its box. */
class OverlapIndexTest {

    @Test
    void namesTheSameEarlierRulesAsTestingEveryPair() {
        StringBuilder config = new StringBuilder("set interfaces ethernet eth0 address '203.0.113.1/24'\n");
        int number = 1;
        for (int i = 0;
                i < 40;
                i++, number++) { // excludes of remote /24s: wide in the source, narrow in the destination
            config.append("set nat source rule ").append(number).append(" outbound-interface name 'eth0'\n");
            config.append("set nat source rule ")
                    .append(number)
                    .append(" destination address '172.16.")
                    .append(i)
                    .append(".0/24'\n");
            config.append("set nat source rule ").append(number).append(" exclude\n");
        }
        for (int i = 0; i < 160; i++, number++) { // per-LAN masquerades, some wide, some with a port
            String rule = "set nat source rule " + number + " ";
            config.append(rule)
                    .append("outbound-interface name '")
                    .append(i % 7 == 0 ? "eth+" : "eth0")
                    .append("'\n");
            config.append(rule)
                    .append("source address '")
                    .append(i % 10 == 0 ? "10.0.0.0/8" : "10.0." + i % 50 + ".0/24")
                    .append("'\n");
            if (i % 3 == 0)
                config.append(rule)
                        .append("protocol 'tcp'\n")
                        .append(rule)
                        .append("destination port '")
                        .append(i)
                        .append("'\n");
            config.append(rule).append("translation address 'masquerade'\n");
        }
        Router router = RuleCheck.wholeRouter("hub.set", config.toString(), null);
        List<NatRule> rules = router.nat().sourceRules();
        InterfaceNames interfaces = InterfaceNames.of(
                router, rules.stream().map(NatRule::interfaceMatch).toList());
        List<RuleConditions> conditions = rules.stream()
                .map(rule -> RuleConditions.of(
                        new ChainEntry.Nat(rule, "rule " + rule.number(), "nat", true), AddressFamily.IPV4, interfaces))
                .toList();
        PacketScales scales = PacketScales.of(AddressFamily.IPV4, conditions);
        List<RuleBox> boxes =
                conditions.stream().map(rule -> RuleBox.of(rule, scales)).toList();
        OverlapIndex index = new OverlapIndex(boxes);

        for (int rule = 0; rule < boxes.size(); rule++) {
            List<Integer> everyPair = new ArrayList<>();
            for (int earlier = 0; earlier < rule; earlier++) {
                if (boxes.get(earlier).meets(boxes.get(rule))) everyPair.add(earlier);
            }
            assertEquals(
                    everyPair,
                    Arrays.stream(index.earlierMeeting(rule)).boxed().toList(),
                    "rule " + rules.get(rule).number());
        }
    }
}
