package org.vpnlint.cli.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.model.SourceLocation;

/**
 * Which tunnels a finding is about. Rules name a tunnel in the finding's subject ({@code tunnel 1 of peer X},
 * {@code peer X tunnel 1}, {@code vti of peer X}) or a whole peer ({@code peer X ...}, for IKE); a finding about
 * another node (a GRE interface) points at the IPsec tunnel through a related location. Both are read here.
 */
final class TunnelFindings {
    private static final Pattern TUNNEL_OF_PEER = Pattern.compile("tunnel (\\d+) of peer (\\S+)");
    private static final Pattern PEER_TUNNEL = Pattern.compile("^peer (\\S+) tunnel (\\d+)");
    private static final Pattern VTI_OF_PEER = Pattern.compile("vti of peer (\\S+)");
    private static final Pattern PEER = Pattern.compile("^peer (\\S+)");

    private final Map<TunnelKey, List<ReportedFinding>> byKey = new HashMap<>();

    /** {@code startsOfTunnels}: the tunnel (or whole peer) whose configuration node starts at a file:line. */
    TunnelFindings(List<ReportedFinding> findings, Map<String, TunnelKey> startsOfTunnels) {
        for (ReportedFinding reported : findings) {
            for (TunnelKey key : keysOf(reported.finding(), startsOfTunnels)) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(reported);
            }
        }
    }

    /** The findings about this tunnel, and those about its whole peer, in report order. */
    List<ReportedFinding> about(TunnelKey tunnel) {
        List<ReportedFinding> found = new ArrayList<>(byKey.getOrDefault(tunnel, List.of()));
        found.addAll(byKey.getOrDefault(tunnel.wholePeer(), List.of()));
        found.sort(null);
        return found;
    }

    static String lineKey(SourceLocation location) {
        return location.file() + ":" + location.line();
    }

    private static Set<TunnelKey> keysOf(Finding finding, Map<String, TunnelKey> startsOfTunnels) {
        Set<TunnelKey> keys = new LinkedHashSet<>();
        String file = finding.location().file();
        if (finding.subject() != null) {
            for (String part : finding.subject().split("\\|")) {
                TunnelKey named = named(file, part.strip());
                if (named != null) keys.add(named);
            }
        }
        if (keys.isEmpty()) {
            addStart(keys, finding.location(), startsOfTunnels);
            for (RelatedLocation related : finding.related()) addStart(keys, related.location(), startsOfTunnels);
        }
        return keys;
    }

    private static TunnelKey named(String file, String part) {
        Matcher m = TUNNEL_OF_PEER.matcher(part);
        if (m.find()) return new TunnelKey(file, m.group(2), Integer.parseInt(m.group(1)));
        m = PEER_TUNNEL.matcher(part);
        if (m.find()) return new TunnelKey(file, m.group(1), Integer.parseInt(m.group(2)));
        m = VTI_OF_PEER.matcher(part);
        if (m.find()) return new TunnelKey(file, m.group(1), 0);
        m = PEER.matcher(part);
        if (m.find()) return new TunnelKey(file, m.group(1), TunnelKey.WHOLE_PEER);
        return null;
    }

    private static void addStart(Set<TunnelKey> keys, SourceLocation location, Map<String, TunnelKey> startsOfTunnels) {
        if (location == null) return;
        TunnelKey key = startsOfTunnels.get(lineKey(location));
        if (key != null) keys.add(key);
    }
}
