package org.vpnlint.solver.natives;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where vpnlint keeps files between runs: {@code -Dvpnlint.cache.dir}, else {@code $XDG_CACHE_HOME/vpnlint}, else
 * {@code ~/.cache/vpnlint}, else a per-user directory in {@code java.io.tmpdir}: the first one that exists or can be
 * created and is writable.
 */
public final class CacheRoot {

    public static final String PROPERTY = "vpnlint.cache.dir";

    private CacheRoot() {}

    public static Path locate() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) candidates.add(Path.of(explicit));
        String xdg = System.getenv("XDG_CACHE_HOME");
        // the XDG spec says to ignore relative paths
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) candidates.add(Path.of(xdg, "vpnlint"));
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !home.equals("?")) candidates.add(Path.of(home, ".cache", "vpnlint"));
        for (Path candidate : candidates) {
            if (usable(candidate)) return candidate;
        }
        // the shared temp directory: only a directory this user owns, since others could plant libraries there
        String user = System.getProperty("user.name", "user");
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "vpnlint-cache-" + user);
        if (usable(shared) && ownedBy(shared, user)) return shared;
        candidates.add(shared);
        throw new IOException("no writable cache directory among " + candidates);
    }

    private static boolean ownedBy(Path directory, String user) {
        try {
            return Files.getOwner(directory).getName().equals(user);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean usable(Path directory) {
        try {
            Files.createDirectories(directory);
            return Files.isDirectory(directory) && Files.isWritable(directory);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
