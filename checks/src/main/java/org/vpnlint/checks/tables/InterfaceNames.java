package org.vpnlint.checks.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;

/**
 * The interface names a rule question ranges over, numbered from 1 (0 = the hook has no such interface): the
 * router's interfaces, names the rules mention, one stand-in per wildcard ({@code eth…} for {@code eth+}) and one
 * for any other interface. The stand-ins keep the answers true for interfaces that appear later (PPPoE, WireGuard,
 * a new VLAN), so "rule 20 can never match" does not depend on which interfaces exist today.
 */
final class InterfaceNames {

    private static final String UNKNOWN = "\u2026";

    private final List<String> names;

    private InterfaceNames(List<String> names) {
        this.names = List.copyOf(names);
    }

    static InterfaceNames of(Router router, Collection<InterfaceMatch> conditions) {
        Set<String> names = new LinkedHashSet<>();
        for (NetInterface netInterface : router.interfaces()) names.add(netInterface.name());
        for (InterfaceMatch condition : conditions) {
            if (condition == null) continue;
            for (String pattern : condition.names()) {
                boolean wildcard = pattern.endsWith("+") || pattern.endsWith("*");
                names.add(wildcard ? pattern.substring(0, pattern.length() - 1) + UNKNOWN : pattern);
            }
        }
        names.add(UNKNOWN);
        return new InterfaceNames(new ArrayList<>(names));
    }

    int count() {
        return names.size();
    }

    /** The name with this number (1-based). */
    String nameAt(int index) {
        return names.get(index - 1);
    }

    /** How a witness names the interface: a stand-in reads "another eth interface". */
    String describe(int index) {
        if (index == 0) return "-";
        String name = nameAt(index);
        if (name.equals(UNKNOWN)) return "another interface";
        return name.endsWith(UNKNOWN) ? "another " + name.substring(0, name.length() - 1) + " interface" : name;
    }

    /** Numbers of the names the condition matches (by the model's own name matching). */
    List<Integer> matching(InterfaceMatch condition) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            if (condition.matches(nameAt(i))) matching.add(i);
        }
        return matching;
    }
}
