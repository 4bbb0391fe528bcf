package org.vpnlint.cli.analysis;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which routers of a run are analysed together, from the {@code networks:} key of {@code .vpnlint.yaml}.
 * Cross-router rules pair peers only inside one network, so unrelated routers that reuse the same addresses (lab
 * copies, documentation examples) are never taken for the two ends of a tunnel.
 *
 * <p>Without the key every router of the run is in one network. With it, each directory that matches one of the
 * glob patterns (relative to the directory of {@code .vpnlint.yaml}) is one network of every router below it, and
 * every other router is a network on its own. When nested directories both match, the outermost one wins, so a
 * network always holds everything below its directory.
 */
public final class NetworkScope {
    private static final NetworkScope ONE_NETWORK = new NetworkScope(null, List.of());

    /** Null when every router is in one network. */
    private final Path directory;

    private final List<PathMatcher> matchers;

    private NetworkScope(Path directory, List<PathMatcher> matchers) {
        this.directory = directory;
        this.matchers = List.copyOf(matchers);
    }

    /** Every router of the run in one network (no {@code networks:} key). */
    public static NetworkScope oneNetwork() {
        return ONE_NETWORK;
    }

    /**
     * The directories below {@code directory} that match one of {@code globs} ({@code pairs/*}) as networks.
     *
     * @throws IllegalArgumentException when a pattern is not a valid glob
     */
    public static NetworkScope directories(Path directory, List<String> globs) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        return new NetworkScope(directory.toAbsolutePath().normalize(), matchers);
    }

    /**
     * The files grouped into networks, in sorted order: each network is keyed by its directory, or by the file
     * when the router is a network on its own. With {@link #oneNetwork()} all files share the empty path as key.
     */
    public SortedMap<Path, List<Path>> group(Collection<Path> files) {
        SortedMap<Path, List<Path>> networks = new TreeMap<>();
        for (Path file : files)
            networks.computeIfAbsent(networkOf(file), key -> new ArrayList<>()).add(file);
        return networks;
    }

    private Path networkOf(Path file) {
        if (directory == null) return Path.of("");
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(directory)) return absolute;
        Path relative = directory.relativize(absolute);
        // Every directory between the configuration's directory and the file, outermost first.
        for (int depth = 1; depth < relative.getNameCount(); depth++) {
            Path candidate = relative.subpath(0, depth);
            if (matchers.stream().anyMatch(matcher -> matcher.matches(candidate))) return directory.resolve(candidate);
        }
        return absolute;
    }
}
