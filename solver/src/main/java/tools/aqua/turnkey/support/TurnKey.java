package tools.aqua.turnkey.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.vpnlint.solver.natives.CacheRoot;
import org.vpnlint.solver.natives.NativeBundle;
import org.vpnlint.solver.natives.NativeLibraryCache;

/**
 * Replaces z3-turnkey's own loader (artifact {@code tools.aqua:turnkey-support}, excluded in the pom).
 * {@code com.microsoft.z3.Native}'s static initializer calls {@link #load} with exactly this signature. The original
 * inflates every bundled library into a new temporary directory on each JVM start (about 400 ms for Z3); this one
 * keeps them in a cache keyed by the Z3 version and the libraries' sha256 and unpacks only what is missing or
 * damaged. (The original's behaviour was read from turnkey-support 1.0.0's {@code TurnKey} class with javap: it
 * reads no system property but os.name and os.arch and keeps no cache.)
 */
public final class TurnKey {

    /** The metadata file in each platform directory of the jar, as in the original. */
    public static final String TURNKEY_FILE_NAME = NativeBundle.METADATA_FILE;

    private TurnKey() {}

    /**
     * Makes the native libraries under {@code libraryPrefix} (e.g. {@code com/microsoft/z3}) available and loads them
     * in the order the bundle's metadata lists.
     *
     * @param resources opens a resource by absolute path (e.g. {@code Native.class::getResourceAsStream}); null when
     *                  it does not exist
     */
    public static void load(String libraryPrefix, Function<String, InputStream> resources) {
        try {
            NativeBundle bundle = NativeBundle.forCurrentPlatform(libraryPrefix, resources);
            Path directory = new NativeLibraryCache(CacheRoot.locate()).install(bundle, resources);
            for (String library : bundle.loadOrder()) {
                System.load(directory.resolve(library).toAbsolutePath().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot provide the native libraries of " + libraryPrefix + ": " + e.getMessage(), e);
        }
    }
}
