package org.vpnlint.parser.dialect;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.Completeness;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.RouterPart;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.parser.Elision;

/**
 * Which parts of the router a file shows whole (see docs/semantics/completeness.md). A file is a whole configuration
 * when it ends with the version footer VyOS and EdgeOS write below {@code config.boot}, or when it has both the
 * {@code interfaces} and the {@code system} sections every router has (a full {@code show} or
 * {@code show configuration commands} output). Anything else is a fragment: there a part counts as whole only when
 * the file shows its section next to the {@code interfaces} section, and the interfaces never do. In a whole file, a {@code [SNIP]} makes the part it stands in incomplete (all of them at the top level),
 * and an IKE interface the file names without defining it makes the interfaces incomplete.
 */
final class ShownParts {

    private ShownParts() {}

    static Completeness of(ConfigTree tree, List<NetInterface> interfaces, IpsecConfig ipsec) {
        ConfigNode root = tree.root();
        Map<RouterPart, String> unshown = new EnumMap<>(RouterPart.class);
        boolean whole = tree.componentVersions() != null || root.has("interfaces") && root.has("system");
        if (!whole) {
            for (RouterPart part : RouterPart.values()) {
                if (!sectionShownBeyondVpn(root, part)) unshown.put(part, fragmentReason(root, part));
            }
        }
        for (Elision elision : tree.elisions()) {
            String reason = "the file leaves part of "
                    + (elision.path().isEmpty() ? "the configuration" : String.join(" ", elision.path()))
                    + " out ([SNIP] at line " + elision.location().line() + ")";
            for (RouterPart part : RouterPart.values()) {
                if (cutsInto(elision.path(), part)) unshown.putIfAbsent(part, reason);
            }
        }
        for (String name : ipsec.ikeInterfaces()) {
            boolean defined = interfaces.stream().anyMatch(i -> i.name().equals(name));
            if (!defined) {
                unshown.putIfAbsent(
                        RouterPart.INTERFACES,
                        "the file does not define " + name + ", the interface IPsec is bound to");
            }
        }
        return new Completeness(unshown);
    }

    /**
     * Whether a fragment shows {@code part} whole: its section is there and so is the {@code interfaces} section, so
     * the file shows the router beyond its VPN part (a documentation example of a whole router without its
     * {@code system} section) and a section it shows is taken as shown in full. The interfaces themselves are never
     * taken as whole in a fragment: a post that shows one LAN interface says nothing of the WAN.
     */
    private static boolean sectionShownBeyondVpn(ConfigNode root, RouterPart part) {
        return part != RouterPart.INTERFACES && root.has("interfaces") && sectionShown(root, part);
    }

    private static boolean sectionShown(ConfigNode root, RouterPart part) {
        return switch (part) {
            case INTERFACES -> root.has("interfaces");
            case ROUTES -> root.at("protocols", "static") != null;
            case NAT -> root.has("nat") || root.has("nat66") || root.at("service", "nat") != null;
            case FIREWALL -> root.has("firewall") || root.has("zone-policy");
        };
    }

    private static String fragmentReason(ConfigNode root, RouterPart part) {
        String fragment = "the file is a fragment (no version footer, nor both an interfaces and a system section)";
        return fragment
                + (sectionShown(root, part)
                        ? ", so its " + part.description() + " may be only some of the router's"
                        : " that shows no " + part.description());
    }

    /** Whether a mark left out something at {@code path} that may belong to {@code part}. */
    private static boolean cutsInto(List<String> path, RouterPart part) {
        if (path.isEmpty()) return true;
        String top = path.get(0);
        String second = path.size() > 1 ? path.get(1) : null;
        return switch (part) {
            // before 1.4 (and on EdgeOS) rulesets are attached below interfaces, so a cut there may hide them too
            case INTERFACES -> top.equals("interfaces");
            case ROUTES -> top.equals("protocols") && (second == null || second.equals("static"));
            case NAT ->
                top.equals("nat")
                        || top.equals("nat66")
                        || top.equals("service") && (second == null || second.equals("nat"));
            case FIREWALL -> top.equals("firewall") || top.equals("interfaces") || top.equals("zone-policy");
        };
    }
}
