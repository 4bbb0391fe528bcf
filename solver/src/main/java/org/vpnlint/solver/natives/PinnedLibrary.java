package org.vpnlint.solver.natives;

/** A native library as the pinned dependency ships it: file name, size in bytes and sha256 (lower-case hex). */
public record PinnedLibrary(String name, long size, String sha256) {}
