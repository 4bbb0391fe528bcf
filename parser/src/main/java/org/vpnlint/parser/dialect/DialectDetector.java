package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.parser.ConfigTree;

/**
 * Decides which dialect a file is written in, in this order:
 * <ol>
 *   <li>the override ({@code --dialect});</li>
 *   <li>the component versions of the footer: {@code ubnt-*} components or {@code nat@3} are EdgeOS;
 *       firewall@16+ is 1.5, firewall@8..15 1.4; nat@6+ or ipsec@6+ 1.4; nat@5 1.3; nat@4 1.2; ipsec@5 alone
 *       says "1.2 or 1.3", settled by the next steps;</li>
 *   <li>the release line ({@code Release version: 1.3.4}; EdgeOS writes {@code v2.0.9...});</li>
 *   <li>the node shapes ({@link SyntaxEvidence}): the dialect that accepts the most kinds of shapes found,
 *       ties going to 1.4, then 1.3, 1.5, 1.2, EdgeOS. A file with none is read as 1.4.</li>
 * </ol>
 * Every shape the chosen dialect does not accept gets a "wrong version syntax" warning at its first node:
 * such a file was edited by hand or pasted together, and VyOS would not load it as it is.
 */
public final class DialectDetector {
    private static final List<Dialect> TIE_ORDER =
            List.of(Dialect.VYOS_1_4, Dialect.VYOS_1_3, Dialect.VYOS_1_5, Dialect.VYOS_1_2, Dialect.EDGEOS);
    private static final Pattern COMPONENT = Pattern.compile("([A-Za-z0-9_-]+)@(\\d{1,6})\\b");
    private static final Pattern VYOS_RELEASE = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})");

    private DialectDetector() {}

    /** The names {@code --dialect} accepts, in the order they are listed in help texts. */
    public static final List<String> OPTION_NAMES = List.of("vyos-1.2", "vyos-1.3", "vyos-1.4", "vyos-1.5", "edgeos");

    /**
     * The dialect a {@code --dialect} value names ({@code vyos-1.3}, {@code 1.3}, {@code edgeos}, any case),
     * or empty when it names none.
     */
    public static Optional<Dialect> fromOption(String name) {
        String text = name.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("vyos-")) text = text.substring("vyos-".length());
        return switch (text) {
            case "1.2" -> Optional.of(Dialect.VYOS_1_2);
            case "1.3" -> Optional.of(Dialect.VYOS_1_3);
            case "1.4" -> Optional.of(Dialect.VYOS_1_4);
            case "1.5" -> Optional.of(Dialect.VYOS_1_5);
            case "edgeos" -> Optional.of(Dialect.EDGEOS);
            default -> Optional.empty();
        };
    }

    /** {@code override} may be null. */
    public static DialectDecision detect(ConfigTree tree, Dialect override) {
        List<SyntaxEvidence.Shape> shapes = SyntaxEvidence.find(tree.root());
        Dialect dialect;
        String reason;
        if (override != null) {
            dialect = override;
            reason = "--dialect";
        } else {
            Candidates footer = fromFooter(tree.componentVersions());
            Candidates release = fromRelease(tree.releaseVersion());
            Candidates known = footer != null ? footer : release;
            if (footer != null && release != null && footer.dialects().size() > 1) {
                Set<Dialect> both = EnumSet.copyOf(footer.dialects());
                both.retainAll(release.dialects());
                if (!both.isEmpty()) known = new Candidates(both, footer.reason() + " and " + release.reason());
            }
            Set<Dialect> allowed = known == null ? EnumSet.allOf(Dialect.class) : known.dialects();
            dialect = byShapes(shapes, allowed);
            if (known != null && known.dialects().size() == 1) {
                reason = known.reason();
            } else if (known != null) {
                reason = known.reason() + ", narrowed by " + shapesReason(shapes, dialect);
            } else {
                reason = shapesReason(shapes, dialect);
            }
        }
        List<Diagnostic> warnings = new ArrayList<>();
        for (SyntaxEvidence.Shape shape : shapes) {
            if (shape.dialects().contains(dialect)) continue;
            warnings.add(new Diagnostic(
                    shape.node().location(),
                    Level.WARNING,
                    DiagnosticCodes.WRONG_VERSION_SYNTAX,
                    "wrong version syntax: '" + NodePath.of(shape.node()) + "' (" + shape.what() + ") is "
                            + names(shape.dialects()) + " syntax, but this file is read as " + dialect.displayName()
                            + " (" + reason + ")"));
        }
        return new DialectDecision(dialect, reason, warnings);
    }

    /** The dialects a piece of evidence allows, and how to say where it came from. */
    private record Candidates(Set<Dialect> dialects, String reason) {}

    private static Candidates fromFooter(String componentVersions) {
        if (componentVersions == null || componentVersions.isBlank()) return null;
        Map<String, Integer> versions = new LinkedHashMap<>();
        Matcher matcher = COMPONENT.matcher(componentVersions);
        while (matcher.find()) versions.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        Integer firewall = versions.get("firewall");
        Integer nat = versions.get("nat");
        Integer ipsec = versions.get("ipsec");
        boolean ubnt = versions.keySet().stream().anyMatch(name -> name.startsWith("ubnt-"));
        if (ubnt) return new Candidates(EnumSet.of(Dialect.EDGEOS), "the version footer has ubnt-* components");
        if (nat != null && nat == 3) return new Candidates(EnumSet.of(Dialect.EDGEOS), "the version footer (nat@3)");
        if (firewall != null && firewall >= 16) return footer(Dialect.VYOS_1_5, "firewall@" + firewall);
        if (firewall != null && firewall >= 8) return footer(Dialect.VYOS_1_4, "firewall@" + firewall);
        if (nat != null && nat >= 6) return footer(Dialect.VYOS_1_4, "nat@" + nat);
        if (ipsec != null && ipsec >= 6) return footer(Dialect.VYOS_1_4, "ipsec@" + ipsec);
        if (nat != null && nat == 5) return footer(Dialect.VYOS_1_3, "nat@5");
        if (nat != null && nat == 4) return footer(Dialect.VYOS_1_2, "nat@4");
        if (ipsec != null) {
            return new Candidates(
                    EnumSet.of(Dialect.VYOS_1_2, Dialect.VYOS_1_3), "the version footer (ipsec@" + ipsec + ")");
        }
        return null;
    }

    private static Candidates footer(Dialect dialect, String component) {
        return new Candidates(EnumSet.of(dialect), "the version footer (" + component + ")");
    }

    private static Candidates fromRelease(String release) {
        if (release == null || release.isBlank()) return null;
        String text = release.strip().toLowerCase(Locale.ROOT);
        String reason = "the release line (" + release.strip() + ")";
        if (text.startsWith("v")) return new Candidates(EnumSet.of(Dialect.EDGEOS), reason);
        Matcher matcher = VYOS_RELEASE.matcher(text);
        if (!matcher.find()) return null;
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        Dialect dialect;
        if (major == 1 && minor <= 2) dialect = Dialect.VYOS_1_2;
        else if (major == 1 && minor == 3) dialect = Dialect.VYOS_1_3;
        else if (major == 1 && minor == 4) dialect = Dialect.VYOS_1_4;
        else dialect = Dialect.VYOS_1_5; // 1.5, and the dated rolling/stream releases after it
        return new Candidates(EnumSet.of(dialect), reason);
    }

    private static Dialect byShapes(List<SyntaxEvidence.Shape> shapes, Set<Dialect> allowed) {
        Map<Dialect, Integer> votes = new EnumMap<>(Dialect.class);
        for (SyntaxEvidence.Shape shape : shapes) {
            for (Dialect dialect : shape.dialects()) votes.merge(dialect, 1, Integer::sum);
        }
        Dialect best = null;
        for (Dialect dialect : TIE_ORDER) {
            if (!allowed.contains(dialect)) continue;
            if (best == null || votes.getOrDefault(dialect, 0) > votes.getOrDefault(best, 0)) best = dialect;
        }
        return best;
    }

    private static String shapesReason(List<SyntaxEvidence.Shape> shapes, Dialect chosen) {
        List<String> supporting = shapes.stream()
                .filter(s -> s.dialects().contains(chosen))
                .map(SyntaxEvidence.Shape::what)
                .limit(4)
                .toList();
        if (supporting.isEmpty()) return "no version footer and no version-specific syntax; assumed";
        return "its syntax (" + String.join(", ", supporting) + ")";
    }

    private static String names(Set<Dialect> dialects) {
        List<String> vyos = new ArrayList<>();
        for (Dialect dialect : dialects) {
            if (dialect != Dialect.EDGEOS) vyos.add(dialect.displayName().substring("VyOS ".length()));
        }
        String vyosPart = vyos.isEmpty() ? "" : "VyOS " + String.join("/", vyos);
        if (!dialects.contains(Dialect.EDGEOS)) return vyosPart;
        return vyosPart.isEmpty() ? "EdgeOS" : vyosPart + " and EdgeOS";
    }
}
