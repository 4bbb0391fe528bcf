package org.vpnlint.oracle.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One edit of a generated configuration ({@link CaseGenerator}'s site plan), the kind an operator makes between two
 * versions of a router. Each gives the old and the new text; where the base configuration lacks what the edit needs
 * (an exclude rule to remove, a filter rule to flip), the old version gains it first.
 */
enum ConfigChange {
    EXCLUDE_REMOVED("a source NAT exclude rule removed"),
    FILTER_ACTION_FLIPPED("a forward filter rule's action flipped"),
    BLACKHOLE_ADDED("a blackhole route added"),
    RULES_RENUMBERED("NAT and filter rules renumbered in the same order"),
    DNAT_CHANGED("a destination NAT rule's target changed or a DNAT rule added");

    /** The old and the new text of one router. */
    record Versions(String before, String after) {}

    private static final Pattern EXCLUDE = Pattern.compile("set nat source rule (\\d+) exclude");
    private static final Pattern FILTER_ACTION =
            Pattern.compile("set firewall ipv4 forward filter rule (\\d+) action '(\\w+)'");
    private static final Pattern DNAT_TARGET =
            Pattern.compile("set nat destination rule (\\d+) translation address '([^']+)'");
    private static final Pattern NUMBERED_RULE =
            Pattern.compile("set (nat source|nat destination|firewall ipv4 forward filter) rule (\\d+) (.*)");
    private static final Pattern REMOTE_PREFIX = Pattern.compile("tunnel \\d+ remote prefix '([^']+)'");

    /** Remote networks of the site plan: the blackhole must not cover the lan, where a change could not be seen. */
    private static final String[] BLACKHOLE_PREFIXES = {
        "10.10.10.0/24", "10.20.0.0/24", "10.10.0.2/32", "10.10.10.200/32", "10.0.0.0/8"
    };

    private static final String[] FILTERED_DESTINATIONS = {"10.10.10.0/24", "192.168.10.0/24", "10.20.0.0/24"};
    private static final String[] DNAT_PUBLIC = {"192.0.2.1", "172.16.17.45", "198.51.100.7"};
    private static final String[] DNAT_TARGETS = {"192.168.10.100", "192.168.10.45"};

    private final String description;

    ConfigChange(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The two versions, or empty when the edit does not apply to this configuration (nothing to renumber). */
    Optional<Versions> apply(String base, Random random) {
        return switch (this) {
            case EXCLUDE_REMOVED -> Optional.of(removeExclude(base));
            case FILTER_ACTION_FLIPPED -> Optional.of(flipFilterAction(base, random));
            case BLACKHOLE_ADDED -> addBlackhole(base, random);
            case RULES_RENUMBERED -> renumber(base);
            case DNAT_CHANGED -> Optional.of(changeDnat(base, random));
        };
    }

    private static Versions removeExclude(String base) {
        Optional<String> rule =
                matches(base, EXCLUDE).stream().map(m -> m.group(1)).findFirst();
        if (rule.isPresent()) {
            String prefix = "set nat source rule " + rule.get() + " ";
            return new Versions(base, without(base, prefix));
        }
        // no exclude yet: the old version excludes the first tunnel's remote network (as the articles do)
        String remote = matches(base, REMOTE_PREFIX).stream()
                .map(m -> m.group(1))
                .findFirst()
                .orElse("10.10.10.0/24");
        String exclude = "set nat source rule 1 outbound-interface name 'eth0'\n"
                + "set nat source rule 1 destination address '" + remote + "'\n"
                + "set nat source rule 1 exclude\n";
        return new Versions(base + exclude, base);
    }

    private static Versions flipFilterAction(String base, Random random) {
        List<Matcher> actions = matches(base, FILTER_ACTION);
        if (actions.isEmpty()) {
            String rule = "set firewall ipv4 forward filter rule 1 ";
            String destination = rule + "destination address '"
                    + FILTERED_DESTINATIONS[random.nextInt(FILTERED_DESTINATIONS.length)] + "'\n";
            return new Versions(
                    base + destination + rule + "action 'accept'\n", base + destination + rule + "action 'drop'\n");
        }
        Matcher action = actions.get(random.nextInt(actions.size()));
        String flipped = action.group(2).equals("accept") ? "drop" : "accept";
        String line = action.group();
        return new Versions(base, base.replace(line, line.replace("'" + action.group(2) + "'", "'" + flipped + "'")));
    }

    private static Optional<Versions> addBlackhole(String base, Random random) {
        List<String> fresh = new ArrayList<>();
        for (String prefix : BLACKHOLE_PREFIXES) {
            if (!base.contains("set protocols static route " + prefix + " ")) fresh.add(prefix);
        }
        if (fresh.isEmpty()) return Optional.empty();
        String prefix = fresh.get(random.nextInt(fresh.size()));
        return Optional.of(new Versions(base, base + "set protocols static route " + prefix + " blackhole\n"));
    }

    /** Every rule number times ten: the order, and so the behaviour, stays. */
    private static Optional<Versions> renumber(String base) {
        StringBuilder after = new StringBuilder();
        boolean renumbered = false;
        for (String line : base.lines().toList()) {
            Matcher rule = NUMBERED_RULE.matcher(line);
            if (rule.matches()) {
                renumbered = true;
                line = "set " + rule.group(1) + " rule " + 10 * Integer.parseInt(rule.group(2)) + " " + rule.group(3);
            }
            after.append(line).append('\n');
        }
        return renumbered ? Optional.of(new Versions(base, after.toString())) : Optional.empty();
    }

    private static Versions changeDnat(String base, Random random) {
        List<Matcher> targets = matches(base, DNAT_TARGET);
        if (targets.isEmpty()) {
            String rule = "set nat destination rule 1 ";
            String added = rule + "inbound-interface name 'eth0'\n"
                    + rule + "destination address '" + DNAT_PUBLIC[random.nextInt(DNAT_PUBLIC.length)] + "'\n"
                    + rule + "translation address '" + DNAT_TARGETS[random.nextInt(DNAT_TARGETS.length)] + "'\n";
            return new Versions(base, base + added);
        }
        Matcher target = targets.get(random.nextInt(targets.size()));
        String other = target.group(2).equals(DNAT_TARGETS[0]) ? DNAT_TARGETS[1] : DNAT_TARGETS[0];
        String line = target.group();
        return new Versions(base, base.replace(line, line.replace("'" + target.group(2) + "'", "'" + other + "'")));
    }

    private static List<Matcher> matches(String text, Pattern pattern) {
        List<Matcher> found = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) found.add(matcher);
        }
        return found;
    }

    private static String without(String text, String linePrefix) {
        StringBuilder kept = new StringBuilder();
        text.lines()
                .filter(line -> !line.startsWith(linePrefix))
                .forEach(line -> kept.append(line).append('\n'));
        return kept.toString();
    }
}
