package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;

/**
 * Port values: numbers, {@code /etc/services} names and {@code low-high} ranges, comma-separated, the whole list
 * negated by a leading {@code !} ({@code '!22,telnet,http,123,1001-1005'}).
 */
final class PortSyntax {
    /** The /etc/services names that appear in router configurations. */
    private static final Map<String, Integer> SERVICES = Map.ofEntries(
            Map.entry("ftp-data", 20), Map.entry("ftp", 21), Map.entry("ssh", 22), Map.entry("telnet", 23),
            Map.entry("smtp", 25), Map.entry("domain", 53), Map.entry("bootps", 67), Map.entry("bootpc", 68),
            Map.entry("tftp", 69), Map.entry("http", 80), Map.entry("www", 80), Map.entry("kerberos", 88),
            Map.entry("pop3", 110), Map.entry("sunrpc", 111), Map.entry("ntp", 123), Map.entry("netbios-ns", 137),
            Map.entry("netbios-dgm", 138), Map.entry("netbios-ssn", 139), Map.entry("imap", 143), Map.entry("imap2", 143),
            Map.entry("snmp", 161), Map.entry("snmp-trap", 162), Map.entry("bgp", 179), Map.entry("ldap", 389),
            Map.entry("https", 443), Map.entry("microsoft-ds", 445), Map.entry("isakmp", 500), Map.entry("syslog", 514),
            Map.entry("submission", 587), Map.entry("ldaps", 636), Map.entry("imaps", 993), Map.entry("pop3s", 995),
            Map.entry("openvpn", 1194), Map.entry("l2tp", 1701), Map.entry("pptp", 1723), Map.entry("radius", 1812),
            Map.entry("radius-acct", 1813), Map.entry("nfs", 2049), Map.entry("mysql", 3306),
            Map.entry("ms-wbt-server", 3389), Map.entry("ipsec-nat-t", 4500), Map.entry("sip", 5060),
            Map.entry("postgresql", 5432), Map.entry("http-alt", 8080));

    private PortSyntax() {
    }

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
        if (SERVICES.containsKey(text)) return PortRange.of(SERVICES.get(text));
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
        if (SERVICES.containsKey(text)) return SERVICES.get(text);
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
