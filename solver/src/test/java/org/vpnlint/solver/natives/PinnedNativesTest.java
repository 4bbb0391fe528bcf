package org.vpnlint.solver.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.z3.Native;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pinned table matches the z3-turnkey jar on the classpath (it fails after a version bump until the table is
 * updated), and Z3 really loads from the cache.
 */
class PinnedNativesTest {

    private static final String PREFIX = "com/microsoft/z3";

    @ParameterizedTest
    @ValueSource(strings = {"linux/amd64", "linux/aarch64", "osx/amd64", "osx/aarch64", "windows/amd64", "windows/x86"})
    void everyBundledLibraryIsPinnedWithItsSize(String platformPath) throws IOException {
        String[] parts = platformPath.split("/");
        NativeBundle bundle = NativeBundle.of(
                PREFIX,
                new Platform(parts[0], parts[1]),
                Native.class::getResourceAsStream,
                NativeBundle.pinnedTable());
        JarURLConnection connection =
                (JarURLConnection) Native.class.getResource("Native.class").openConnection();
        try (JarFile jar = new JarFile(connection.getJarFileURL().getFile())) {
            for (PinnedLibrary library : bundle.libraries()) {
                ZipEntry entry = jar.getEntry(bundle.resourcePath(library).substring(1));
                assertNotNull(entry, library.name());
                assertEquals(library.size(), entry.getSize(), library.name());
            }
        }
        assertTrue(!bundle.loadOrder().isEmpty());
    }

    @Test
    void theHashesOfThisPlatformMatchTheJar() throws Exception {
        NativeBundle bundle = NativeBundle.forCurrentPlatform(PREFIX, Native.class::getResourceAsStream);
        for (PinnedLibrary library : bundle.libraries()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in =
                    new DigestInputStream(Native.class.getResourceAsStream(bundle.resourcePath(library)), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertEquals(library.sha256(), HexFormat.of().formatHex(digest.digest()), library.name());
        }
    }

    /** Surefire points vpnlint.cache.dir into target/; Z3 was loaded by the shim from there. */
    @Test
    void z3IsLoadedFromTheCache() throws Exception {
        try (var solver = new org.vpnlint.solver.Z3Solver();
                var query = solver.newQuery("load test", java.time.Duration.ofSeconds(5))) {
            assertNotNull(query.algebra());
        }
        NativeBundle bundle = NativeBundle.forCurrentPlatform(PREFIX, Native.class::getResourceAsStream);
        Path directory = CacheRoot.locate().resolve(bundle.cacheDirectoryName());
        for (String library : List.of(
                bundle.libraries().get(0).name(), bundle.libraries().get(1).name())) {
            assertTrue(
                    Files.isRegularFile(directory.resolve(library)),
                    directory.resolve(library).toString());
            assertTrue(Files.isRegularFile(directory.resolve("." + library + ".verified")), library);
        }
    }
}
