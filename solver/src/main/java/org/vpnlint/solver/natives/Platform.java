package org.vpnlint.solver.natives;

import java.util.Locale;

/**
 * An operating system and CPU architecture, named as z3-turnkey names its resource directories
 * ({@code linux/amd64}, {@code linux/aarch64}, {@code osx/aarch64}, {@code windows/x86}, ...).
 */
public record Platform(String os, String arch) {

    public static Platform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** From the JVM's {@code os.name} and {@code os.arch} values. */
    public static Platform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os;
        if (name.startsWith("linux")) os = "linux";
        else if (name.startsWith("mac") || name.startsWith("darwin")) os = "osx";
        else if (name.startsWith("windows")) os = "windows";
        else throw new UnsupportedOperationException("no bundled Z3 for operating system " + osName);
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> throw new UnsupportedOperationException("no bundled Z3 for CPU architecture " + osArch);
        };
        return new Platform(os, arch);
    }

    /** The resource directory part, e.g. {@code linux/amd64}. */
    public String path() {
        return os + "/" + arch;
    }
}
