package org.vpnlint.parser.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.vpnlint.model.DetailMatch;
import org.vpnlint.model.IcmpMatch;
import org.vpnlint.model.TcpFlagsMatch;
import org.vpnlint.parser.ConfigNode;

/**
 * Reads a rule's ICMP/ICMPv6 type and code and its TCP flags into a {@link DetailMatch}, in every form VyOS and
 * EdgeOS write them:
 * <ul>
 *   <li>{@code icmp type-name echo-request}, {@code icmp type 3 code 3}, {@code icmp type 3/3} (all versions);</li>
 *   <li>{@code icmpv6 type-name nd-neighbor-solicit} and {@code icmpv6 type 135 code 0} (1.4+), and the
 *       pre-1.4 {@code icmpv6 type X} where X is a name, a number or {@code type/code};</li>
 *   <li>{@code tcp flags SYN,!ACK} (pre-1.4, iptables style: listed flags must be set, {@code !} ones clear,
 *       {@code ALL} all six) and {@code tcp flags syn} / {@code tcp flags not ack} (1.4+).</li>
 * </ul>
 * {@code any} is no condition. A value that names nothing is reported, and the rule is read wider (without it).
 */
final class HeaderDetailReader {

    private static final List<String> ALL_FLAGS = List.of("syn", "ack", "fin", "rst", "urg", "psh");
    private static final Set<String> KNOWN_FLAGS = Set.of("syn", "ack", "fin", "rst", "urg", "psh", "ecn", "cwr");

    private HeaderDetailReader() {}

    static DetailMatch read(ConfigSection rule) {
        IcmpMatch icmp = icmp(rule, "icmp", false);
        IcmpMatch icmpv6 = icmp(rule, "icmpv6", true);
        return new DetailMatch(icmp != null ? icmp : icmpv6, tcpFlags(rule));
    }

    private static IcmpMatch icmp(ConfigSection rule, String word, boolean ipv6) {
        ConfigSection section = rule.section(word);
        if (section == null) return null;
        String name = section.value("type-name");
        ConfigNode typeNode = section.leaf("type");
        ConfigNode codeNode = section.leaf("code");
        section.finish();
        String type = typeNode == null ? null : ConfigSection.valueOf(typeNode);
        String code = codeNode == null ? null : ConfigSection.valueOf(codeNode);
        if (name != null) {
            if (name.equals("any")) return null;
            IcmpNames.TypeCode named = IcmpNames.resolve(name, ipv6);
            if (named == null) {
                rule.problems()
                        .widened(
                                section.node().child("type-name"),
                                name,
                                "not an " + word + " type name; the rule is read as matching every " + word + " type");
                return null;
            }
            return new IcmpMatch(named.type(), named.code(), word + " type-name " + name);
        }
        if (type == null) return null;
        if (type.equals("any")) return null;
        IcmpNames.TypeCode typed = typeAndCode(type, ipv6);
        if (typed == null) {
            rule.problems()
                    .widened(
                            typeNode,
                            type,
                            "not an " + word + " type; the rule is read as matching every " + word + " type");
            return null;
        }
        Integer codeValue = typed.code();
        if (code != null) {
            Integer parsed = byte_(code);
            if (parsed == null) {
                rule.problems()
                        .widened(codeNode, code, "not an " + word + " code; the rule is read as matching every code");
            } else {
                codeValue = parsed;
            }
        }
        String text = word + " type " + type
                + (code != null && codeValue != null && typed.code() == null ? " code " + code : "");
        return new IcmpMatch(typed.type(), codeValue, text);
    }

    /** {@code N}, {@code N/C} or (pre-1.4 {@code icmpv6 type}) a name. */
    private static IcmpNames.TypeCode typeAndCode(String text, boolean ipv6) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            Integer type = byte_(text.substring(0, slash));
            Integer code = byte_(text.substring(slash + 1));
            return type == null || code == null ? null : new IcmpNames.TypeCode(type, code);
        }
        Integer type = byte_(text);
        if (type != null) return new IcmpNames.TypeCode(type, null);
        return IcmpNames.resolve(text, ipv6);
    }

    private static Integer byte_(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        int value = Integer.parseInt(text);
        return value <= 255 ? value : null;
    }

    private static TcpFlagsMatch tcpFlags(ConfigSection rule) {
        ConfigSection tcp = rule.section("tcp");
        if (tcp == null) return null;
        ConfigNode flags = tcp.leaf("flags");
        tcp.finish(); // e.g. 'tcp mss' is reported and the rule read wider
        if (flags == null) return null;
        Set<String> set = new TreeSet<>();
        Set<String> cleared = new TreeSet<>();
        for (ConfigNode child : flags.children()) {
            if (child.word().equals("not") && !child.children().isEmpty()) {
                for (ConfigNode flag : child.children()) {
                    if (!addFlag(rule, flags, flag.word(), cleared)) return null;
                }
                continue;
            }
            for (String item : child.word().split(",", -1)) {
                boolean negated = item.startsWith("!");
                if (!addFlag(rule, flags, negated ? item.substring(1) : item, negated ? cleared : set)) return null;
            }
        }
        if (set.isEmpty() && cleared.isEmpty()) return null;
        return new TcpFlagsMatch(set, cleared, "tcp flags " + describe(set, cleared));
    }

    /** Adds one flag (ALL: the six iptables knows); false, reported, when it names no flag. */
    private static boolean addFlag(ConfigSection rule, ConfigNode flags, String word, Set<String> into) {
        String flag = word.strip().toLowerCase(Locale.ROOT);
        if (flag.equals("all")) {
            into.addAll(ALL_FLAGS);
            return true;
        }
        if (KNOWN_FLAGS.contains(flag)) {
            into.add(flag);
            return true;
        }
        rule.problems().widened(flags, word, "not a TCP flag; the rule is read as matching any flags");
        return false;
    }

    private static String describe(Set<String> set, Set<String> cleared) {
        StringBuilder text = new StringBuilder(String.join(",", set));
        for (String flag : cleared)
            text.append(text.length() == 0 ? "" : ",").append('!').append(flag);
        return text.toString();
    }
}
