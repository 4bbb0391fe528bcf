/**
 * Which IPsec peer on one router is the other end of which peer on another: pairing by addresses, identities and
 * pre-shared-key ids, with the NAT in front of each end either declared in {@code .vpnlint.yaml} or inferred from a
 * private IKE address facing a public one that no interface holds. The rules in {@link org.vpnlint.checks.ike} run
 * on the pairs found here.
 */
package org.vpnlint.checks.ike.pairing;
