package org.vpnlint.solver.natives;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The native libraries of one library prefix (e.g. {@code com/microsoft/z3}) for one platform: which files the jar
 * bundles, their pinned sizes and hashes, and the order in which to {@code System.load} them.
 *
 * @param resourceDirectory absolute resource path of the platform directory, e.g. {@code /com/microsoft/z3/linux/amd64}
 * @param loadOrder         file names to load, in order (turnkey.xml {@code load-commands})
 */
public record NativeBundle(
        String product,
        String version,
        Platform platform,
        String resourceDirectory,
        List<PinnedLibrary> libraries,
        List<String> loadOrder) {

    /** The metadata file z3-turnkey puts in each platform directory. */
    public static final String METADATA_FILE = "turnkey.xml";

    private static final String PINNED_TABLE = "pinned-natives.properties";
    // turnkey.xml is a java.util.Properties XML file; a regex avoids loading an XML parser at start-up
    private static final Pattern ENTRY = Pattern.compile("<entry key=\"([^\"]+)\">([^<]*)</entry>");

    public NativeBundle {
        libraries = List.copyOf(libraries);
        loadOrder = List.copyOf(loadOrder);
    }

    /**
     * Reads the bundle's metadata from the jar and the pinned sizes and hashes from this module.
     *
     * @throws IOException when the jar has no libraries for this platform or this module pins none for them
     */
    public static NativeBundle forCurrentPlatform(String libraryPrefix, Function<String, InputStream> resources)
            throws IOException {
        return of(libraryPrefix, Platform.current(), resources, pinnedTable());
    }

    static NativeBundle of(
            String libraryPrefix, Platform platform, Function<String, InputStream> resources, Properties pinned)
            throws IOException {
        String directory = "/" + libraryPrefix + "/" + platform.path();
        TreeMap<Integer, String> bundled = new TreeMap<>();
        TreeMap<Integer, String> loads = new TreeMap<>();
        try (InputStream metadata = resources.apply(directory + "/" + METADATA_FILE)) {
            if (metadata == null)
                throw new IOException("no native libraries for " + platform.path() + " in " + libraryPrefix);
            Matcher entry = ENTRY.matcher(new String(metadata.readAllBytes(), StandardCharsets.UTF_8));
            while (entry.find()) {
                String key = entry.group(1);
                int dot = key.lastIndexOf('.');
                if (dot < 0) continue;
                int position = Integer.parseInt(key.substring(dot + 1));
                switch (key.substring(0, dot)) {
                    case "bundled-libraries" ->
                        bundled.put(position, entry.group(2).trim());
                    case "load-commands" -> loads.put(position, entry.group(2).trim());
                    default -> {} // system-libraries: provided by the OS
                }
            }
        }
        String version = pinned.getProperty(libraryPrefix + ".version");
        if (version == null) throw new IOException("no pinned native libraries for " + libraryPrefix);
        List<PinnedLibrary> libraries = new ArrayList<>();
        for (String name : bundled.values()) {
            String value = pinned.getProperty(libraryPrefix + "/" + platform.path() + "/" + name);
            if (value == null) {
                throw new IOException(libraryPrefix + " " + version + " bundles " + platform.path() + "/" + name
                        + ", for which no size and sha256 are pinned");
            }
            String[] sizeAndHash = value.trim().split("\\s+");
            libraries.add(new PinnedLibrary(name, Long.parseLong(sizeAndHash[0]), sizeAndHash[1]));
        }
        String product = libraryPrefix.substring(libraryPrefix.lastIndexOf('/') + 1);
        return new NativeBundle(product, version, platform, directory, libraries, List.copyOf(loads.values()));
    }

    static Properties pinnedTable() throws IOException {
        Properties table = new Properties();
        try (InputStream in = NativeBundle.class.getResourceAsStream(PINNED_TABLE)) {
            if (in == null) throw new IOException("missing resource " + PINNED_TABLE);
            table.load(in);
        }
        return table;
    }

    /** Absolute resource path of one library. */
    public String resourcePath(PinnedLibrary library) {
        return resourceDirectory + "/" + library.name();
    }

    /**
     * The cache directory name: product, version, platform and a digest of every library's sha256, e.g.
     * {@code z3-4.14.1-linux-amd64-3f2a9c0d1e7b4a66}. Another build of the same version gets another directory.
     */
    public String cacheDirectoryName() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (PinnedLibrary library : libraries) {
                digest.update((library.name() + " " + library.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String key = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            return product + "-" + version + "-" + platform.os() + "-" + platform.arch() + "-" + key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
