package org.vpnlint.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment lines VyOS and EdgeOS write at the end of config.boot:
 * <pre>
 * /* Warning: Do not remove the following line. *&#47;
 * /* === vyatta-config-version: "firewall@5:ipsec@5:nat@4" === *&#47;      (1.2, EdgeOS)
 * /* Release version: 1.2.6 *&#47;
 * // vyos-config-version: "firewall@5:ipsec@5:nat@5"                    (1.3 and later)
 * // Release version: 1.3.4
 * </pre>
 * They describe the file rather than a node, so they are recorded here and not attached to any node.
 */
final class VersionFooter {
    private static final Pattern COMPONENTS =
            Pattern.compile("^(?:=== )?(?:vyatta|vyos)-config-version:\\s*\"([^\"]*)\"\\s*(?:===)?$");
    private static final Pattern RELEASE = Pattern.compile("^Release version:\\s*(\\S.*)$");
    private static final String WARNING = "Warning: Do not remove the following line.";

    private String componentVersions;
    private String releaseVersion;

    /** Records the comment if it is a footer line and says so; other comments are left to the caller. */
    boolean accept(String commentText) {
        if (commentText.equals(WARNING)) return true;
        Matcher components = COMPONENTS.matcher(commentText);
        if (components.matches()) {
            componentVersions = components.group(1);
            return true;
        }
        Matcher release = RELEASE.matcher(commentText);
        if (release.matches()) {
            releaseVersion = release.group(1).trim();
            return true;
        }
        return false;
    }

    String componentVersions() {
        return componentVersions;
    }

    String releaseVersion() {
        return releaseVersion;
    }
}
