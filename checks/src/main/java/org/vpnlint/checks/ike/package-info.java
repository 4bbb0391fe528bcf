/**
 * Rules about the two ends of an IPsec tunnel: given a pair of peers (found by {@link org.vpnlint.checks.ike.pairing}),
 * the IKE and CHILD_SA negotiation is replayed step by step as strongSwan would run it (proposals, identities behind
 * NAT, pre-shared keys by fingerprint, traffic selectors, who initiates) and each obstacle becomes a finding that
 * names both files.
 */
package org.vpnlint.checks.ike;
