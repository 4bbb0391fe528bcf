package org.vpnlint.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends one probe from inside a namespace. Java cannot pick a network namespace or open raw sockets, so the
 * packet is sent by a short Perl script ({@code send-probe.pl}) that needs only perl-base, which every Debian has:
 * UDP datagram, TCP SYN (non-blocking connect), ICMP echo request, or a raw IP protocol 47 (GRE) packet.
 */
public final class PacketSender {

    private static final String SCRIPT = loadScript();

    /** Sends the probe from its origin namespace, bound to the probe's source address (and port). */
    public SendResult send(Topology topology, ProbePacket probe) {
        PacketHeader header = probe.header();
        CommandResult result = topology.namespaceOf(probe.origin())
                .exec(
                        List.of(
                                "perl",
                                "-e",
                                SCRIPT,
                                header.protocol().keyword(),
                                header.source(),
                                header.destination(),
                                String.valueOf(header.sourcePort()),
                                String.valueOf(header.destinationPort()),
                                String.valueOf(ObserverRuleset.PROBE_TOS)),
                        null)
                .orThrow();
        return SendResult.parse(result.stdout());
    }

    private static String loadScript() {
        try (InputStream in = PacketSender.class.getResourceAsStream("send-probe.pl")) {
            if (in == null) {
                throw new IllegalStateException("send-probe.pl missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
