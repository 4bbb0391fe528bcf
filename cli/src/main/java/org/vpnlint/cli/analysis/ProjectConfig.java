package org.vpnlint.cli.analysis;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vpnlint.checks.Network.NatDeclaration;
import org.vpnlint.model.Level;
import org.vpnlint.model.RouterPart;
import org.vpnlint.model.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The project's {@code .vpnlint.yaml}, found by searching upwards from the first input (or given with
 * {@code --config}):
 *
 * <pre>
 * fail-on: warning                  # error | warning | note | never
 * rules:
 *   behind-nat-default-id: error    # off | error | warning | note
 * routers:                          # loaded for cross-router rules even when only some files are checked
 *   - routers/
 * nat:                              # NAT in front of a router that its configuration cannot show
 *   - router: branch.boot           # file (relative to this file) or host name
 *     public-address: 203.0.113.7
 *     kind: one-to-one              # one-to-one | masquerade
 * networks:                         # directories whose routers form one network; every other router is alone
 *   - pairs/*
 * fragments:                        # what files that are not whole configurations do not show
 *   - router: vpn-only.set          # a file, relative to this file
 *     complete: [interfaces]        # all, or parts shown whole: interfaces, routes, nat, firewall
 *     interfaces:                   # addresses of interfaces the file names but does not define
 *       eth0: 203.0.113.2/24
 * </pre>
 *
 * Every mistake is reported with its file and line; unknown keys are mistakes too, so a typo never silently
 * turns a rule back on.
 */
public record ProjectConfig(
        Path file,
        FailOn failOn,
        Map<String, Level> ruleLevels,
        Set<String> disabledRules,
        List<Path> routers,
        List<DeclaredNat> nat,
        NetworkScope networks,
        List<DeclaredFragment> fragments) {
    public static final String FILE_NAME = ".vpnlint.yaml";

    /** A {@code nat:} entry; {@code router} is a file already resolved against the config's directory, or a name. */
    public record DeclaredNat(String router, Path routerFile, String publicAddress, NatDeclaration.Kind kind) {}

    public ProjectConfig {
        ruleLevels = Map.copyOf(ruleLevels);
        disabledRules = Set.copyOf(disabledRules);
        routers = List.copyOf(routers);
        nat = List.copyOf(nat);
        fragments = List.copyOf(fragments);
    }

    /** The declaration about this file in {@code fragments:}, or null. */
    public DeclaredFragment fragmentOf(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return fragments.stream()
                .filter(f -> f.routerFile().equals(normalized))
                .findFirst()
                .orElse(null);
    }

    /** The configuration used when the project has none. */
    public static ProjectConfig none() {
        return new ProjectConfig(
                null, null, Map.of(), Set.of(), List.of(), List.of(), NetworkScope.oneNetwork(), List.of());
    }

    /** The nearest {@code .vpnlint.yaml} in the directory of {@code start} or above it, or null. */
    public static Path findUpwards(Path start) {
        Path directory = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) directory = directory.getParent();
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return null;
    }

    public static ProjectConfig load(Path file, Set<String> knownRuleIds) throws ProjectConfigException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProjectConfigException(
                    name, 1, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        Node root;
        try {
            // only the node tree is needed: a Composer alone skips the object constructors and representers a Yaml
            // instance builds, which cost start-up time on every run that finds a .vpnlint.yaml
            LoaderOptions options = new LoaderOptions();
            root = new Composer(
                            new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new ProjectConfigException(name, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ProjectConfigException(name, 1, "not valid YAML");
        }
        return new Reading(file, knownRuleIds).project(root);
    }

    /** Walks the YAML node tree, keeping line numbers for every complaint. */
    private static final class Reading {
        private final Path file;
        private final Set<String> knownRuleIds;

        Reading(Path file, Set<String> knownRuleIds) {
            this.file = file;
            this.knownRuleIds = knownRuleIds;
        }

        ProjectConfig project(Node root) throws ProjectConfigException {
            if (root == null) {
                return new ProjectConfig(
                        file, null, Map.of(), Set.of(), List.of(), List.of(), NetworkScope.oneNetwork(), List.of());
            }
            FailOn failOn = null;
            Map<String, Level> levels = new LinkedHashMap<>();
            Set<String> disabled = new LinkedHashSet<>();
            List<Path> routers = new ArrayList<>();
            List<DeclaredNat> nat = new ArrayList<>();
            NetworkScope networks = NetworkScope.oneNetwork();
            List<DeclaredFragment> fragments = new ArrayList<>();
            for (NodeTuple entry : mapping(root, "the file").getValue()) {
                String key = scalar(entry.getKeyNode(), "a key");
                Node value = entry.getValueNode();
                switch (key) {
                    case "fail-on" -> failOn = failOn(value);
                    case "rules" -> rules(value, levels, disabled);
                    case "routers" -> {
                        for (Node item : sequence(value, "routers"))
                            routers.add(
                                    directory().resolve(scalar(item, "a path")).normalize());
                    }
                    case "nat" -> {
                        for (Node item : sequence(value, "nat")) nat.add(natEntry(item));
                    }
                    case "networks" -> networks = networks(value);
                    case "fragments" -> {
                        for (Node item : sequence(value, "fragments")) fragments.add(fragmentEntry(item));
                    }
                    default ->
                        throw fail(
                                entry.getKeyNode(),
                                "unknown key '" + key + "' (known: fail-on, rules, routers, nat, networks, fragments)");
                }
            }
            return new ProjectConfig(file, failOn, levels, disabled, routers, nat, networks, fragments);
        }

        private NetworkScope networks(Node value) throws ProjectConfigException {
            List<String> globs = new ArrayList<>();
            for (Node item : sequence(value, "networks")) {
                String glob = scalar(item, "a directory pattern");
                if (glob.isBlank() || glob.startsWith("/")) {
                    throw fail(item, "a network is a directory pattern relative to this file, not '" + glob + "'");
                }
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + glob);
                } catch (IllegalArgumentException e) {
                    throw fail(item, "'" + glob + "' is not a valid glob pattern");
                }
                // A trailing '/' still means the directory; the matcher compares paths without it.
                globs.add(glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob);
            }
            return NetworkScope.directories(directory(), globs);
        }

        private FailOn failOn(Node value) throws ProjectConfigException {
            String text = scalar(value, "fail-on");
            try {
                return FailOn.parse(text);
            } catch (IllegalArgumentException e) {
                throw fail(value, "fail-on must be error, warning, note or never, not '" + text + "'");
            }
        }

        private void rules(Node value, Map<String, Level> levels, Set<String> disabled) throws ProjectConfigException {
            for (NodeTuple entry : mapping(value, "rules").getValue()) {
                String ruleId = scalar(entry.getKeyNode(), "a rule id");
                if (!knownRuleIds.contains(ruleId)) {
                    throw fail(entry.getKeyNode(), "unknown rule '" + ruleId + "' (`vpnlint rules` lists them)");
                }
                // YAML reads a bare off as the boolean false; both spellings mean the same here.
                String setting = scalar(entry.getValueNode(), "a rule setting").toLowerCase(Locale.ROOT);
                switch (setting) {
                    case "off", "false" -> disabled.add(ruleId);
                    case "error" -> levels.put(ruleId, Level.ERROR);
                    case "warning" -> levels.put(ruleId, Level.WARNING);
                    case "note" -> levels.put(ruleId, Level.NOTE);
                    default ->
                        throw fail(
                                entry.getValueNode(),
                                ruleId + " must be off, error, warning or note, not '" + setting + "'");
                }
            }
        }

        private DeclaredNat natEntry(Node item) throws ProjectConfigException {
            String router = null;
            String publicAddress = null;
            NatDeclaration.Kind kind = NatDeclaration.Kind.ONE_TO_ONE;
            for (NodeTuple entry : mapping(item, "a nat entry").getValue()) {
                String key = scalar(entry.getKeyNode(), "a key");
                Node value = entry.getValueNode();
                switch (key) {
                    case "router" -> router = scalar(value, "router");
                    case "public-address" -> {
                        publicAddress = scalar(value, "public-address");
                        if (!new IPAddressString(publicAddress).isIPAddress()) {
                            throw fail(value, "public-address must be an IP address, not '" + publicAddress + "'");
                        }
                    }
                    case "kind" ->
                        kind = switch (scalar(value, "kind")) {
                            case "one-to-one" -> NatDeclaration.Kind.ONE_TO_ONE;
                            case "masquerade" -> NatDeclaration.Kind.MASQUERADE;
                            default -> throw fail(value, "kind must be one-to-one or masquerade");
                        };
                    default ->
                        throw fail(
                                entry.getKeyNode(),
                                "unknown key '" + key + "' in a nat entry (known: router, public-address, kind)");
                }
            }
            if (router == null) throw fail(item, "a nat entry needs router: (a file or a host name)");
            Path routerFile = directory().resolve(router).normalize();
            return new DeclaredNat(router, Files.isRegularFile(routerFile) ? routerFile : null, publicAddress, kind);
        }

        private DeclaredFragment fragmentEntry(Node item) throws ProjectConfigException {
            Path routerFile = null;
            Set<RouterPart> complete = EnumSet.noneOf(RouterPart.class);
            Map<String, List<IPAddress>> interfaces = new TreeMap<>();
            for (NodeTuple entry : mapping(item, "a fragments entry").getValue()) {
                String key = scalar(entry.getKeyNode(), "a key");
                Node value = entry.getValueNode();
                switch (key) {
                    case "router" -> {
                        String router = scalar(value, "router");
                        routerFile =
                                directory().resolve(router).toAbsolutePath().normalize();
                        if (!Files.isRegularFile(routerFile)) {
                            throw fail(
                                    value,
                                    "router must be a configuration file relative to this file; '" + router
                                            + "' is not one");
                        }
                    }
                    case "complete" -> complete.addAll(completeParts(value));
                    case "interfaces" -> {
                        for (NodeTuple declared : mapping(value, "interfaces").getValue()) {
                            String name = scalar(declared.getKeyNode(), "an interface name");
                            interfaces.put(name, interfaceAddresses(declared.getValueNode()));
                        }
                    }
                    default ->
                        throw fail(
                                entry.getKeyNode(),
                                "unknown key '" + key + "' in a fragments entry (known: router, complete, interfaces)");
                }
            }
            if (routerFile == null) throw fail(item, "a fragments entry needs router: (a configuration file)");
            SourceLocation declaredAt = SourceLocation.at(
                    file.toString(),
                    item.getStartMark().getLine() + 1,
                    item.getStartMark().getColumn() + 1);
            return new DeclaredFragment(routerFile, complete, interfaces, declaredAt);
        }

        /** {@code all}, or a list of part names. */
        private Set<RouterPart> completeParts(Node value) throws ProjectConfigException {
            if (value instanceof ScalarNode scalar && scalar.getValue().equals("all"))
                return EnumSet.allOf(RouterPart.class);
            Set<RouterPart> parts = EnumSet.noneOf(RouterPart.class);
            for (Node item : sequence(value, "complete (all, or a list of interfaces, routes, nat, firewall)")) {
                String name = scalar(item, "a part");
                RouterPart part = RouterPart.byId(name);
                if (part == null)
                    throw fail(item, "complete lists interfaces, routes, nat or firewall, not '" + name + "'");
                parts.add(part);
            }
            return parts;
        }

        /** One address with its prefix length, or a list of them. */
        private List<IPAddress> interfaceAddresses(Node value) throws ProjectConfigException {
            List<Node> items = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
            List<IPAddress> addresses = new ArrayList<>();
            for (Node item : items) {
                String text = scalar(item, "an interface address");
                IPAddress address = new IPAddressString(text).getAddress();
                if (address == null || !address.isPrefixed()) {
                    throw fail(
                            item,
                            "an interface address is written with its prefix length (203.0.113.2/24), not '" + text
                                    + "'");
                }
                addresses.add(address);
            }
            return addresses;
        }

        private Path directory() {
            Path parent = file.toAbsolutePath().getParent();
            return parent != null ? parent : Path.of(".").toAbsolutePath();
        }

        private MappingNode mapping(Node node, String what) throws ProjectConfigException {
            if (node instanceof MappingNode mapping) return mapping;
            throw fail(node, what + " must be a mapping of keys to values");
        }

        private List<Node> sequence(Node node, String what) throws ProjectConfigException {
            if (node instanceof SequenceNode sequence) return sequence.getValue();
            throw fail(node, what + " must be a list (lines starting with '- ')");
        }

        private String scalar(Node node, String what) throws ProjectConfigException {
            if (node instanceof ScalarNode scalar) return scalar.getValue();
            throw fail(node, what + " must be a single value");
        }

        private ProjectConfigException fail(Node node, String message) {
            return new ProjectConfigException(
                    file.toString(), node.getStartMark().getLine() + 1, message);
        }
    }
}
