/**
 * The sample configurations the rules are documented and tested with: {@link org.vpnlint.checks.samples.SampleFile}
 * (a file of the repository's {@code samples/} carried in the checks jar) and
 * {@link org.vpnlint.checks.samples.ExpectMarkers} (the {@code EXPECT:} comments that say which findings a
 * configuration must produce, and at which lines).
 */
package org.vpnlint.checks.samples;
