package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;

/**
 * Port values: numbers, service names ({@link ServiceNames}) and {@code low-high} ranges, comma-separated, the whole list
 * negated by a leading {@code !} ({@code '!22,telnet,http,123,1001-1005'}).
 */
final class PortSyntax {
    private PortSyntax() {}

    /** A port list as a rule condition. */
    static PortMatch match(String text) throws InvalidValue {
        boolean negated = text.startsWith("!");
        String list = negated ? text.substring(1) : text;
        List<PortRange> ranges = new ArrayList<>();
        for (String item : list.split(",", -1)) ranges.add(range(item.strip()));
        return new PortMatch(ranges, negated);
    }

    /** One port or one {@code low-high} range ({@code translation port}). */
    static PortRange range(String text) throws InvalidValue {
        Integer service = ServiceNames.port(text);
        if (service != null) return PortRange.of(service);
        int dash = text.indexOf('-');
        if (dash > 0 && isNumber(text.substring(0, dash)) && isNumber(text.substring(dash + 1))) {
            int low = number(text.substring(0, dash));
            int high = number(text.substring(dash + 1));
            if (low > high) throw new InvalidValue("the port range starts above its end");
            return new PortRange(low, high);
        }
        return PortRange.of(port(text));
    }

    /** A single port, by number or service name. */
    static int port(String text) throws InvalidValue {
        Integer service = ServiceNames.port(text);
        if (service != null) return service;
        if (!isNumber(text)) throw new InvalidValue("not a port number, port range or known service name");
        return number(text);
    }

    private static int number(String digits) throws InvalidValue {
        if (digits.length() > 5) throw new InvalidValue("not a port between 0 and 65535");
        int port = Integer.parseInt(digits);
        if (port > 65535) throw new InvalidValue("not a port between 0 and 65535");
        return port;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
