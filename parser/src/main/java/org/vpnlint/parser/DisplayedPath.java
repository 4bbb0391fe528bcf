package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A configuration path as it may appear in a message: 'vpn ipsec site-to-site peer 192.0.2.150'.
 * The word after a secret-bearing keyword (pre-shared-secret, password, private-key, ...) is shown as
 * '****', so a diagnostic never repeats a key; very long paths are shortened in the middle.
 */
final class DisplayedPath {
    static final String MASK = "****";
    private static final int LONGEST = 12;
    private static final int KEPT_AT_EACH_END = 5;
    private static final Pattern NODE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    private DisplayedPath() {}

    /** The words of a path joined for a message, quoted with single quotes. */
    static String of(List<String> words) {
        List<String> shown = new ArrayList<>(words.size());
        boolean previousWasSecretKeyword = false;
        for (String word : words) {
            shown.add(previousWasSecretKeyword ? MASK : word.contains(" ") ? '"' + word + '"' : word);
            previousWasSecretKeyword = namesSecret(word);
        }
        if (shown.size() > LONGEST) {
            int total = shown.size();
            List<String> shortened = new ArrayList<>(shown.subList(0, KEPT_AT_EACH_END));
            shortened.add("… " + (total - 2 * KEPT_AT_EACH_END) + " more words …");
            shortened.addAll(shown.subList(total - KEPT_AT_EACH_END, total));
            shown = shortened;
        }
        return "'" + String.join(" ", shown) + "'";
    }

    /**
     * How a line that held several statements was split, for a message: each statement by its name, its value
     * shown as '…' ('inbound-interface …', 'translation'). Values are left out because a garbled line is
     * exactly where a key could end up anywhere; a name that does not look like a node name is masked too.
     */
    static String ofStatements(List<List<String>> statements) {
        List<String> shown = new ArrayList<>(statements.size());
        boolean previousNamedSecret = false;
        for (List<String> statement : statements) {
            String name = statement.get(0);
            boolean showable = !previousNamedSecret && NODE_NAME.matcher(name).matches();
            shown.add("'" + (showable ? name : MASK) + (statement.size() > 1 ? " …'" : "'"));
            previousNamedSecret = namesSecret(statement.get(statement.size() - 1));
        }
        return String.join(", ", shown);
    }

    /** Whether the value after this word is a secret: pre-shared-secret, plaintext-password, private-key, ... */
    static boolean namesSecret(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.contains("secret")
                || lower.contains("password")
                || lower.contains("psk")
                || lower.endsWith("key")
                || lower.equals("community");
    }
}
