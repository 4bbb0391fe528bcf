package org.vpnlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.ExitCodes;
import org.vpnlint.cli.analysis.LoadedRouter;
import org.vpnlint.cli.analysis.SecretValues;
import org.vpnlint.cli.report.JsonOutput;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vpnlint trace}: replay one packet through one router and print every step of its way. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Replay one packet through the router's data path (DNAT, routing, IPsec policies, firewall,"
                    + " SNAT, in the kernel's order) and show each step and the verdict:"
                    + " encrypted, cleartext, dropped, local or unreachable."
        })
final class TraceCommand implements Callable<Integer> {

    /** The output formats of a trace. */
    enum Format {
        TEXT,
        JSON
    }

    @Parameters(paramLabel = "FILE", description = "The router's configuration.")
    Path file;

    @Option(names = "--src", required = true, paramLabel = "ADDRESS", description = "Source address of the packet.")
    String src;

    @Option(names = "--dst", required = true, paramLabel = "ADDRESS", description = "Destination address.")
    String dst;

    @Option(
            names = "--proto",
            paramLabel = "PROTOCOL",
            defaultValue = "tcp",
            description = "tcp (default), udp, icmp, gre, esp, ipv6-icmp or a protocol number.")
    String protocol;

    @Option(names = "--sport", paramLabel = "PORT", defaultValue = "1024", description = "Source port (default 1024).")
    int srcPort;

    @Option(
            names = "--dport",
            paramLabel = "PORT",
            defaultValue = "443",
            description = "Destination port (default 443).")
    int dstPort;

    @Option(
            names = "--in",
            paramLabel = "INTERFACE",
            description =
                    "Where the packet enters: an interface, or local for the router's own packets."
                            + " Default: local when the source is the router's address, else the interface whose subnet holds it.")
    String ingress;

    @Option(
            names = "--sa",
            paramLabel = "STATE",
            defaultValue = "up",
            description = "The tunnels' SAs: up (default) or down.")
    String saState;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.TEXT;

    @Option(
            names = "--dialect",
            paramLabel = "DIALECT",
            converter = DialectOption.class,
            description = "Read the file as this dialect: " + DialectOption.CHOICES + ".")
    Dialect dialect;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    private final Console console;

    TraceCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws Exception {
        Path path = console.workingDirectory().resolve(file).normalize();
        LoadedRouter loaded = LoadedRouter.read(path, Analysis.displayName(path, console.workingDirectory()), dialect);
        SecretValues secrets = new SecretValues();
        secrets.collect(loaded.tree().root());
        for (Diagnostic diagnostic : loaded.diagnostics()) {
            if (diagnostic.level() == Level.ERROR) {
                console.err()
                        .println(diagnostic.location() + ": error " + diagnostic.code() + ": "
                                + secrets.redact(diagnostic.message()));
            }
        }
        if (loaded.router() == null) {
            console.err().println("vpnlint: no router could be read from " + loaded.name());
            return ExitCodes.BAD_INPUT;
        }
        ConcretePacket packet;
        SaStates states;
        try {
            packet = packet(loaded.router());
            states = switch (saState.toLowerCase(Locale.ROOT)) {
                case "up" -> SaStates.allUp();
                case "down" -> SaStates.allDown();
                default -> throw new IllegalArgumentException("--sa must be up or down, not '" + saState + "'");
            };
        } catch (IllegalArgumentException e) {
            console.err().println("vpnlint: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        PacketTrace trace = Datapath.replay(loaded.router(), packet, states);
        String shown = format == Format.JSON ? JsonOutput.pretty(new ObjectMapper(), trace.toReport()) : trace.render();
        console.out().print(secrets.redact(shown));
        console.out().flush();
        console.err().flush();
        return ExitCodes.CLEAN;
    }

    private ConcretePacket packet(Router router) {
        IPAddress source = ConcretePacket.address(src);
        Ingress where = ingress != null ? Ingress.parse(ingress) : ingressFor(router, source);
        return new ConcretePacket(
                source, ConcretePacket.address(dst), protocolNumber(protocol), srcPort, dstPort, where);
    }

    /** The router's own address means a local packet; otherwise the interface whose subnet holds the source. */
    private static Ingress ingressFor(Router router, IPAddress source) {
        if (router.interfaceWithAddress(source).isPresent()) return Ingress.local();
        Optional<NetInterface> connected = router.interfaces().stream()
                .filter(i ->
                        i.addresses().stream().anyMatch(a -> a.toPrefixBlock().contains(source)))
                .findFirst();
        return connected
                .map(i -> Ingress.onInterface(i.name()))
                .orElseThrow(() -> new IllegalArgumentException("no interface of the router is on the subnet of "
                        + source + "; say where the packet enters with --in"));
    }

    static int protocolNumber(String text) {
        String name = text.toLowerCase(Locale.ROOT);
        for (int number = 0; number <= 255; number++) {
            if (ProtocolMatch.name(number).equals(name)) return number;
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a protocol (tcp, udp, icmp, gre, esp, ipv6-icmp or 0-255)");
    }
}
