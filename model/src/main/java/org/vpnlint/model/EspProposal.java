package org.vpnlint.model;

/** One ESP proposal. Null fields are unset in the configuration. */
public record EspProposal(int number, String encryption, String hash) {}
