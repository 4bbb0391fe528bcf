package org.vpnlint.datapath;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;

/**
 * The filter chains of one family with a number for every rule and default action (so a trace can say which one
 * decided), plus the accept rules EdgeOS inserts on its own.
 */
public final class CompiledFirewall {

    private final FirewallFamily chains;
    private final List<AutoAccept> forwardAutoAccepts;
    private final List<AutoAccept> inputAutoAccepts;
    private final List<FilterRuleRef> refs = new ArrayList<>();
    private final Map<FirewallRule, Integer> ruleIds = new IdentityHashMap<>();
    private final Map<String, Integer> defaultIds = new TreeMap<>();
    private final Map<AutoAccept, Integer> autoIds = new IdentityHashMap<>();

    CompiledFirewall(FirewallFamily chains, List<AutoAccept> forwardAutoAccepts, List<AutoAccept> inputAutoAccepts) {
        this.chains = chains;
        this.forwardAutoAccepts = List.copyOf(forwardAutoAccepts);
        this.inputAutoAccepts = List.copyOf(inputAutoAccepts);
        refs.add(new FilterRuleRef(0, "no rule", FirewallAction.ACCEPT, null));
        number(chains.forward(), "forward");
        number(chains.input(), "input");
        number(chains.output(), "output");
        chains.named().forEach((name, chain) -> number(chain, name));
        // last, so that a router without zones numbers its rules as before zones existed
        number(chains.zoneForward(), chains.zoneForward().name());
        number(chains.zoneInput(), chains.zoneInput().name());
        number(chains.zoneOutput(), chains.zoneOutput().name());
        for (AutoAccept auto : forwardAutoAccepts) autoIds.put(auto, add(auto.label(), FirewallAction.ACCEPT, auto));
        for (AutoAccept auto : inputAutoAccepts) autoIds.put(auto, add(auto.label(), FirewallAction.ACCEPT, auto));
    }

    public FirewallFamily chains() {
        return chains;
    }

    public List<AutoAccept> forwardAutoAccepts() {
        return forwardAutoAccepts;
    }

    public List<AutoAccept> inputAutoAccepts() {
        return inputAutoAccepts;
    }

    public FilterRuleRef ref(int id) {
        return refs.get(id);
    }

    int idOf(FirewallRule rule) {
        return ruleIds.get(rule);
    }

    int defaultIdOf(String chainKey) {
        return defaultIds.get(chainKey);
    }

    int idOf(AutoAccept auto) {
        return autoIds.get(auto);
    }

    /** Base chains are keyed by hook ("forward"), named chains by name; base chain names may repeat a named one. */
    static String key(FirewallChain chain, boolean base) {
        return (base ? "base:" : "name:") + chain.name();
    }

    private void number(FirewallChain chain, String displayName) {
        boolean base = chains.isBase(chain);
        for (FirewallRule rule : chain.rules()) {
            String label = "rule " + rule.number() + " of " + (base ? displayName + " filter" : displayName);
            ruleIds.put(rule, refs.size());
            refs.add(new FilterRuleRef(refs.size(), label, rule.action(), rule.location()));
        }
        String label = chain.location() == null && chain.rules().isEmpty()
                ? "no " + displayName + " filter"
                : "default action of " + (base ? displayName + " filter" : displayName);
        defaultIds.put(key(chain, base), refs.size());
        refs.add(new FilterRuleRef(refs.size(), label, chain.defaultAction(), chain.location()));
    }

    private int add(String label, FirewallAction action, AutoAccept auto) {
        int id = refs.size();
        refs.add(new FilterRuleRef(id, label, action, auto.location()));
        return id;
    }
}
