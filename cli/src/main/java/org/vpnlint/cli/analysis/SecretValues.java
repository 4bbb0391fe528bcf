package org.vpnlint.cli.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.SecretWords;

/**
 * The secret values written in configuration files (pre-shared keys, passwords, keys), so that every text vpnlint
 * prints can be checked for them and redacted. The model never holds a secret as text, but a rule's message, a
 * parser diagnostic or an exception could still quote a line of the file: this is the last line of defence.
 */
public final class SecretValues {
    /** Shorter values are too likely to be ordinary words or numbers elsewhere in the output. */
    private static final int SHORTEST_REDACTED = 4;

    static final String REDACTED = "<redacted>";

    private final TreeSet<String> values =
            new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    public void collect(ConfigNode root) {
        List<ConfigNode> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            ConfigNode node = pending.remove(pending.size() - 1);
            if (SecretWords.isSecret(node.word())) {
                for (ConfigNode value : node.childView()) {
                    // "key file /config/x.pem" names a file, not a key: only leaf values are secrets.
                    if (value.isLeafWord() && value.word().length() >= SHORTEST_REDACTED) values.add(value.word());
                }
            }
            pending.addAll(node.childView());
        }
    }

    /** The text with every secret replaced by {@code <redacted>}; longer secrets first, so no fragment survives. */
    public String redact(String text) {
        if (text == null || values.isEmpty()) return text;
        String redacted = text;
        for (String secret : values) {
            if (redacted.contains(secret)) redacted = redacted.replace(secret, REDACTED);
        }
        return redacted;
    }
}
