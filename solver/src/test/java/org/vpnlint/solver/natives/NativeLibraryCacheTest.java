package org.vpnlint.solver.natives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Libraries are unpacked once, reused while intact, replaced when damaged, and never half-written. */
class NativeLibraryCacheTest {

    @TempDir
    Path root;

    private static final byte[] JNI = "libfakejava contents".getBytes();
    private static final byte[] CORE = new byte[200_000];

    static {
        for (int i = 0; i < CORE.length; i++) CORE[i] = (byte) (i * 31);
    }

    private final AtomicInteger opened = new AtomicInteger();
    private final Map<String, byte[]> jar =
            Map.of("/fake/linux/amd64/libfakejava.so", JNI, "/fake/linux/amd64/libfake.so", CORE);

    private final Function<String, InputStream> resources = path -> {
        byte[] content = jar.get(path);
        if (content == null) return null;
        opened.incrementAndGet();
        return new ByteArrayInputStream(content);
    };

    private final NativeBundle bundle = new NativeBundle(
            "fake",
            "1.0",
            new Platform("linux", "amd64"),
            "/fake/linux/amd64",
            List.of(pinned("libfakejava.so", JNI), pinned("libfake.so", CORE)),
            List.of("libfakejava.so"));

    private static PinnedLibrary pinned(String name, byte[] content) {
        try {
            return new PinnedLibrary(
                    name,
                    content.length,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void firstInstallUnpacksIntoADirectoryKeyedByVersionAndHashes() throws IOException {
        Path directory = new NativeLibraryCache(root).install(bundle, resources);
        assertTrue(
                directory.getFileName().toString().matches("fake-1\\.0-linux-amd64-[0-9a-f]{16}"),
                directory.toString());
        assertArrayEquals(JNI, Files.readAllBytes(directory.resolve("libfakejava.so")));
        assertArrayEquals(CORE, Files.readAllBytes(directory.resolve("libfake.so")));
        assertEquals(2, opened.get());
    }

    @Test
    void secondInstallReusesTheFilesWithoutRewritingThem() throws IOException {
        Path directory = new NativeLibraryCache(root).install(bundle, resources);
        BasicFileAttributes before = Files.readAttributes(directory.resolve("libfake.so"), BasicFileAttributes.class);
        opened.set(0);

        Path again = new NativeLibraryCache(root).install(bundle, resources);

        BasicFileAttributes after = Files.readAttributes(again.resolve("libfake.so"), BasicFileAttributes.class);
        assertEquals(directory, again);
        assertEquals(0, opened.get(), "nothing read from the jar");
        assertEquals(before.fileKey(), after.fileKey(), "same inode");
        assertEquals(before.lastModifiedTime(), after.lastModifiedTime());
    }

    @Test
    void aCorruptedFileOfTheSameSizeIsDetectedByItsHashAndReplaced() throws IOException {
        Path directory = new NativeLibraryCache(root).install(bundle, resources);
        Path core = directory.resolve("libfake.so");
        byte[] damaged = CORE.clone();
        damaged[1234] ^= 1;
        Files.write(core, damaged);
        opened.set(0);

        new NativeLibraryCache(root).install(bundle, resources);

        assertArrayEquals(CORE, Files.readAllBytes(core));
        assertEquals(1, opened.get(), "only the damaged library is unpacked again");
    }

    @Test
    void aDamagedFileDisguisedWithTheOldTimestampIsCaughtBySize() throws IOException {
        Path directory = new NativeLibraryCache(root).install(bundle, resources);
        Path core = directory.resolve("libfake.so");
        FileTime stamped = Files.getLastModifiedTime(core);
        Files.write(core, new byte[100]);
        Files.setLastModifiedTime(core, stamped);

        new NativeLibraryCache(root).install(bundle, resources);

        assertArrayEquals(CORE, Files.readAllBytes(core));
    }

    @Test
    void anIntactFileWithoutStampIsHashedOnceAndKept() throws IOException {
        Path directory = new NativeLibraryCache(root).install(bundle, resources);
        Files.delete(directory.resolve(".libfake.so.verified"));
        opened.set(0);

        new NativeLibraryCache(root).install(bundle, resources);

        assertEquals(0, opened.get());
        assertTrue(Files.exists(directory.resolve(".libfake.so.verified")));
    }

    @Test
    void aJarWhoseLibraryDiffersFromThePinnedHashIsRefusedAndLeavesNothing() throws IOException {
        NativeBundle otherBuild = new NativeBundle(
                "fake",
                "1.0",
                new Platform("linux", "amd64"),
                "/fake/linux/amd64",
                List.of(new PinnedLibrary("libfake.so", CORE.length, "00".repeat(32))),
                List.of("libfake.so"));

        IOException refused =
                assertThrows(IOException.class, () -> new NativeLibraryCache(root).install(otherBuild, resources));

        assertTrue(refused.getMessage().contains("not the pinned one"), refused.getMessage());
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void parallelRunsAllEndWithIntactLibraries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++)
                runs.add(pool.submit(() -> new NativeLibraryCache(root).install(bundle, resources)));
            for (Future<Path> run : runs)
                assertArrayEquals(CORE, Files.readAllBytes(run.get().resolve("libfake.so")));
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(
                    List.of(), files.filter(f -> f.toString().endsWith(".part")).toList(), "no partial files left");
        }
    }
}
