/**
 * The sample configurations the rules are documented with: {@link org.vpnlint.checks.samples.SampleFile}, a file of
 * the repository's {@code samples/} carried in the checks jar.
 */
package org.vpnlint.checks.samples;
