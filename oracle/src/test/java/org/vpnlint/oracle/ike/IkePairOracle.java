package org.vpnlint.oracle.ike;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Router;

/**
 * Runs one pair in real strongSwan: builds the NAT topology, starts one charon per router namespace, loads the
 * swanctl.conf VyOS would render, and initiates from the ends VyOS would make start (start_action=start first,
 * then trap ends, standing in for traffic hitting the trap). Everything is torn down by pid and name afterwards.
 */
final class IkePairOracle {

    private static final Pattern ESTABLISHED = Pattern.compile("IKE_SA (\\S+)\\[\\d+] established between (.*)");
    private static final int INITIATE_TIMEOUT_SECONDS = 3;
    private static final Pattern TS_MATCH = Pattern.compile("=> match: (\\S+)");
    private static final Pattern NOTEWORTHY = Pattern.compile("initiating|is initiating|behind NAT|looking for|"
            + "selected|found|authentication of|established|failed|received .*(notify|error)|constraint|"
            + "selecting traffic selectors|=> match|proposal|unable to");

    IkeObservation run(PairScenario scenario) {
        PairScenario.Built built = scenario.build();
        Path scratch = createScratch();
        try (NatTopology topology = NatTopology.create(scenario.plan());
                CharonDaemon left = CharonDaemon.start("left", NatTopology.LEFT, scratch);
                CharonDaemon right = CharonDaemon.start("right", NatTopology.RIGHT, scratch)) {
            left.load(new SwanctlRenderer(built.left(), built.secrets()::get).render());
            right.load(new SwanctlRenderer(built.right(), built.secrets()::get).render());
            List<Side> order = new ArrayList<>();
            for (String action : List.of("start", "trap")) {
                if (SwanctlRenderer.startAction(built.left(), peer(built.left()))
                        .equals(action)) {
                    order.add(new Side("left", built.left(), left, right));
                }
                if (SwanctlRenderer.startAction(built.right(), peer(built.right()))
                        .equals(action)) {
                    order.add(new Side("right", built.right(), right, left));
                }
            }
            for (Side side : order) {
                IpsecPeer peer = peer(side.router());
                side.daemon()
                        .initiate(
                                SwanctlRenderer.connectionName(peer),
                                SwanctlRenderer.childName(peer, peer.tunnels().get(0)),
                                INITIATE_TIMEOUT_SECONDS);
                // Both charons must log it: an IKEv1 responder calls the IKE_SA established after its last Main
                // Mode message even when the initiator then rejects the responder's identity.
                Matcher established = ESTABLISHED.matcher(side.daemon().log());
                if (established.find()
                        && ESTABLISHED.matcher(side.partner().log()).find()) {
                    int version = side.daemon().log().contains("IKE_SA_INIT") ? 2 : 1;
                    return new IkeObservation(
                            true,
                            side.name(),
                            version,
                            version == 2
                                    ? child(side.daemon().log(), side.partner().log())
                                    : IkeObservation.ChildOutcome.NOT_OBSERVED,
                            narrowing(side.partner().log()),
                            established.group(0),
                            transcript(left.log(), right.log()));
                }
            }
            return new IkeObservation(
                    false,
                    order.isEmpty() ? "nobody" : order.get(0).name(),
                    0,
                    IkeObservation.ChildOutcome.NOT_OBSERVED,
                    null,
                    failureEvidence(left.log(), right.log()),
                    transcript(left.log(), right.log()));
        } finally {
            // -Dvpnlint.ike.keepScratch keeps swanctl.conf and logs for a manual look (they hold test secrets only)
            if (System.getProperty("vpnlint.ike.keepScratch") == null) deleteRecursively(scratch);
        }
    }

    /** How the first CHILD_SA ended, from the initiator's and the responder's logs. */
    private static IkeObservation.ChildOutcome child(String initiatorLog, String responderLog) {
        if (initiatorLog.contains("received TS_UNACCEPTABLE notify"))
            return IkeObservation.ChildOutcome.TS_UNACCEPTABLE;
        if (responderLog.contains("no acceptable proposal found")) return IkeObservation.ChildOutcome.NO_PROPOSAL;
        // This kernel has no ESP: charon negotiated the CHILD_SA and only failed to install it.
        if (responderLog.contains("unable to install inbound and outbound IPsec SA")) {
            return IkeObservation.ChildOutcome.NEGOTIATED;
        }
        return IkeObservation.ChildOutcome.NOT_OBSERVED;
    }

    /**
     * The selectors the responder narrowed to, from its cfg level 2 lines "selecting traffic selectors for
     * other:|us:" followed by "config: X, received: Y => match: Z" (first CHILD_SA only).
     */
    private static IkeObservation.Narrowing narrowing(String responderLog) {
        String other = null;
        String us = null;
        String section = null;
        for (String line : responderLog.split("\n")) {
            if (line.contains("selecting traffic selectors for other:")) {
                section = other == null ? "other" : null;
            } else if (line.contains("selecting traffic selectors for us:")) {
                section = us == null ? "us" : null;
            } else if (section != null) {
                Matcher match = TS_MATCH.matcher(line);
                if (!match.find()) {
                    if (!line.contains("=> no match")) section = null;
                    continue;
                }
                if (section.equals("other")) other = other == null ? match.group(1) : other + "," + match.group(1);
                else us = us == null ? match.group(1) : us + "," + match.group(1);
            }
        }
        return other == null || us == null ? null : new IkeObservation.Narrowing(other, us);
    }

    private static String failureEvidence(String leftLog, String rightLog) {
        List<String> lines = new ArrayList<>();
        for (String log : List.of(leftLog, rightLog)) {
            for (String line : log.split("\n")) {
                if (line.contains("no ") && (line.contains("found") || line.contains("config"))
                        || line.contains("AUTHENTICATION_FAILED")
                        || line.contains("NO_PROPOSAL_CHOSEN")
                        || line.contains("constraint")
                        || line.contains("INVAL")
                        || line.contains("giving up")
                        || line.contains("failed")) {
                    lines.add(line.strip());
                }
            }
        }
        return String.join(" | ", lines.stream().limit(6).toList());
    }

    /** The lines of both logs that show the negotiation's decisions, prefixed with the side. */
    private static String transcript(String leftLog, String rightLog) {
        StringBuilder text = new StringBuilder();
        for (String[] side : new String[][] {{"left ", leftLog}, {"right", rightLog}}) {
            for (String line : side[1].split("\n")) {
                if (NOTEWORTHY.matcher(line).find())
                    text.append("      ")
                            .append(side[0])
                            .append(' ')
                            .append(line.strip())
                            .append('\n');
            }
        }
        return text.toString();
    }

    private static IpsecPeer peer(Router router) {
        return router.ipsec().peers().get(0);
    }

    private static Path createScratch() {
        try {
            return Files.createTempDirectory("vpnlint-ike-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover scratch directory under /tmp is harmless.
        }
    }

    /** A router that initiates, its charon, and the other router's charon. */
    private record Side(String name, Router router, CharonDaemon daemon, CharonDaemon partner) {}
}
