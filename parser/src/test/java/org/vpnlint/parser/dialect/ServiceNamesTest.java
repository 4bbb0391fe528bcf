package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated service table is the services database of the build machine (Debian netbase's /etc/services). */
class ServiceNamesTest {

    private static final Path ETC_SERVICES = Path.of("/etc/services");

    @Test
    void theTableHoldsEveryTcpAndUdpNameOfEtcServices() throws IOException {
        assumeTrue(Files.isReadable(ETC_SERVICES), "/etc/services is absent (install Debian's netbase to compare)");
        Map<String, Integer> expected = new HashMap<>();
        for (String line : Files.readAllLines(ETC_SERVICES)) {
            String[] words = line.replaceAll("#.*", "").trim().split("\\s+");
            if (words.length < 2) continue;
            String[] portAndProtocol = words[1].split("/");
            if (!portAndProtocol[1].equals("tcp") && !portAndProtocol[1].equals("udp")) continue;
            int port = Integer.parseInt(portAndProtocol[0]);
            for (int i = 0; i < words.length; i++) {
                if (i != 1) expected.putIfAbsent(words[i], port);
            }
        }
        assertEquals(
                expected,
                ServiceNames.all(),
                "services.txt differs from /etc/services: run parser/scripts/generate-services");
    }

    @Test
    void namesVyosAcceptsResolveToTheirPorts() throws InvalidValue {
        assertEquals(53, PortSyntax.port("domain"));
        assertEquals(853, PortSyntax.port("domain-s"));
        assertEquals(5353, PortSyntax.port("mdns"));
        assertEquals(179, PortSyntax.port("bgp"));
    }
}
