package org.vpnlint.checks.ike;

/**
 * One step of an IKE negotiation as vpnlint replays it: the exchange ({@code IKE_SA_INIT}, {@code NAT detection},
 * {@code IKE_AUTH}, {@code Main Mode}, ...), what happens, and whether it is where the negotiation stops.
 */
public record ExchangeStep(String exchange, String detail, boolean fails) {}
