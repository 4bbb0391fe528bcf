package org.vpnlint.cli.diff;

/**
 * The old and the new version of one router; {@code before} is null for a router that is new, {@code after} null for
 * one that is gone.
 */
public record VersionPair(VersionFile before, VersionFile after) {}
