package org.vpnlint.parser.dialect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Port service names ({@code ssh}, {@code domain-s}, {@code mdns}) as a VyOS image resolves them: from Debian's
 * services database (/etc/services of the netbase package), which both iptables (before 1.4) and nftables (from
 * 1.4) consult. The table is the resource {@code services.txt}, generated from /etc/services by
 * {@code parser/scripts/generate-services}.
 */
final class ServiceNames {

    private static final Map<String, Integer> PORTS = load();

    private ServiceNames() {}

    /** The port of a service name, or null when the database has no such name. */
    static Integer port(String name) {
        return PORTS.get(name);
    }

    static Map<String, Integer> all() {
        return Map.copyOf(PORTS);
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> ports = new HashMap<>();
        try (InputStream in = ServiceNames.class.getResourceAsStream("services.txt")) {
            if (in == null) throw new IllegalStateException("services.txt is missing from the parser's resources");
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] nameAndPort = line.strip().split(" ");
                ports.put(nameAndPort[0], Integer.parseInt(nameAndPort[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ports;
    }
}
