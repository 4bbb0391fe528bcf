package org.vpnlint.solver.natives;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Unpacked native libraries kept between runs, one directory per {@link NativeBundle#cacheDirectoryName()}.
 *
 * <p>A library is unpacked only when it is missing or damaged. It is written to a temporary file in the same
 * directory, checked against the pinned size and sha256, then renamed into place atomically, so a run that is killed
 * midway, or several runs at once, never leave or load a half-written library (a process that already mapped the
 * old file keeps it: rename replaces the directory entry, not the file).
 *
 * <p>Hashing 35 MB on every start would cost about as much as unpacking saves, so after a library is verified a
 * stamp ({@code .<name>.verified}: sha256, size, modification time) records it. Later runs trust a file whose size and
 * modification time still equal the stamp's; any other file is hashed again and replaced when the hash differs.
 */
public final class NativeLibraryCache {

    private final Path root;

    public NativeLibraryCache(Path root) {
        this.root = root;
    }

    /** Makes every library of the bundle present and intact; returns the directory that holds them. */
    public Path install(NativeBundle bundle, Function<String, InputStream> resources) throws IOException {
        Path directory = root.resolve(bundle.cacheDirectoryName());
        Files.createDirectories(directory);
        for (PinnedLibrary library : bundle.libraries()) {
            Path file = directory.resolve(library.name());
            if (!intact(file, library)) unpack(bundle.resourcePath(library), file, library, resources);
        }
        return directory;
    }

    private boolean intact(Path file, PinnedLibrary library) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!attributes.isRegularFile() || attributes.size() != library.size()) return false;
        String expectedStamp = stamp(library, attributes);
        if (expectedStamp.equals(readStamp(file))) return true;
        if (!library.sha256().equals(sha256(file))) return false;
        writeStamp(file, expectedStamp);
        return true;
    }

    private void unpack(String resource, Path file, PinnedLibrary library, Function<String, InputStream> resources)
            throws IOException {
        Path partial = Files.createTempFile(file.getParent(), "." + library.name() + "-", ".part");
        try {
            MessageDigest digest = sha256Digest();
            long written;
            try (InputStream in = resources.apply(resource)) {
                if (in == null) throw new IOException("missing resource " + resource);
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
                    written = in.transferTo(out);
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            if (written != library.size() || !hash.equals(library.sha256())) {
                throw new IOException(resource + " is " + written + " bytes with sha256 " + hash + ", but "
                        + library.size() + " bytes with sha256 " + library.sha256()
                        + " are pinned: the jar on the classpath is not the pinned one");
            }
            moveIntoPlace(partial, file);
            writeStamp(file, stamp(library, Files.readAttributes(file, BasicFileAttributes.class)));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String stamp(PinnedLibrary library, BasicFileAttributes attributes) {
        return library.sha256() + " " + attributes.size() + " "
                + attributes.lastModifiedTime().toMillis();
    }

    private static Path stampFile(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".verified");
    }

    private static String readStamp(Path file) throws IOException {
        try {
            return Files.readString(stampFile(file), StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static void writeStamp(Path file, String stamp) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".stamp");
        try {
            Files.writeString(partial, stamp + "\n", StandardCharsets.US_ASCII);
            moveIntoPlace(partial, stampFile(file));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
