package org.vpnlint.model;

/** One IKE proposal. Null fields are unset in the configuration (the dialect's default applies). */
public record IkeProposal(int number, String encryption, String hash, String dhGroup, String prf) {}
