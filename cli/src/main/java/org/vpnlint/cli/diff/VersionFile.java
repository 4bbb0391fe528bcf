package org.vpnlint.cli.diff;

/**
 * One version of a configuration file: how locations name it (a path, or {@code REV:path} for a git revision) and
 * its bytes.
 */
public record VersionFile(String name, byte[] content) {}
