package org.vpnlint.parser.dialect;

import java.util.List;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.SecretWords;

/**
 * The path of a node as a user would type it, for messages ("nat source rule 10 translation address").
 * A path stops at a secret-bearing word, so the value below {@code pre-shared-secret} (or a password, a private
 * key) can never reach a message even if a caller passes a node under it.
 */
final class NodePath {
    private NodePath() {}

    static String of(ConfigNode node) {
        StringBuilder text = new StringBuilder();
        List<String> words = node.path();
        for (String word : words) {
            if (!text.isEmpty()) text.append(' ');
            text.append(word.isEmpty() || word.contains(" ") ? "'" + word + "'" : word);
            if (SecretWords.isSecret(word)) break;
        }
        return text.toString();
    }
}
