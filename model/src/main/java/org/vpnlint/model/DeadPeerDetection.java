package org.vpnlint.model;

/** The {@code dead-peer-detection} node of an IKE group; absent (null) when the configuration has none. */
public record DeadPeerDetection(DpdAction action, int intervalSeconds, int timeoutSeconds) {}
