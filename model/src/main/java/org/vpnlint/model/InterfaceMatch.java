package org.vpnlint.model;

import java.util.List;

/**
 * An interface condition ({@code outbound-interface eth0}, {@code name eth*}, {@code !eth1}, a resolved
 * interface group). Names may end in a wildcard: {@code +} before 1.4, {@code *} from 1.4.
 * An empty list that is not negated means any interface (1.2/1.3 {@code any}, or no condition in 1.4).
 */
public record InterfaceMatch(List<String> names, boolean negated) {

    public static final InterfaceMatch ANY = new InterfaceMatch(List.of(), false);

    public InterfaceMatch {
        names = List.copyOf(names);
    }

    public static InterfaceMatch of(String name) {
        return new InterfaceMatch(List.of(name), false);
    }

    public boolean isAny() {
        return names.isEmpty() && !negated;
    }

    public boolean matches(String interfaceName) {
        if (isAny()) return true;
        return names.stream().anyMatch(pattern -> nameMatches(pattern, interfaceName)) != negated;
    }

    private static boolean nameMatches(String pattern, String interfaceName) {
        if (pattern.endsWith("+") || pattern.endsWith("*")) {
            return interfaceName.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(interfaceName);
    }

    @Override
    public String toString() {
        if (isAny()) return "any";
        return (negated ? "!" : "") + String.join(",", names);
    }
}
