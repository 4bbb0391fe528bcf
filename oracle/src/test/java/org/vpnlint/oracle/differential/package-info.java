/**
 * The datapath model against the real kernel: a differential test between {@code Datapath.replay} and the kernel
 * oracle of the parent package.
 *
 * <ol>
 *   <li>{@link org.vpnlint.oracle.differential.SeedCases} (the seed articles' scenarios),
 *       {@link org.vpnlint.oracle.differential.MinimalCases} (model bugs this test found, now fixed) and
 *       {@link org.vpnlint.oracle.differential.CaseGenerator} (seeded random VyOS 1.4 configurations) make
 *       {@link org.vpnlint.oracle.differential.DifferentialCase}s: router model, SA states, one packet.</li>
 *   <li>{@link org.vpnlint.oracle.differential.ScenarioRenderer} turns a case into the
 *       {@link org.vpnlint.oracle.KernelScenario} of what VyOS and strongSwan would install: nft NAT and forward
 *       filter, XFRM policies per tunnel and SA state, static and table-220 routes, on the lan/rtr/wan topology.</li>
 *   <li>{@link org.vpnlint.oracle.differential.DifferentialRun} replays the case in the model and in the kernel;
 *       {@link org.vpnlint.oracle.differential.VerdictCorrespondence} (its javadoc has the verdict table)
 *       compares verdict, final header, egress side and tunnel.</li>
 * </ol>
 *
 * <p>{@link org.vpnlint.oracle.differential.ChangeReplayDifferentialTest} does the same for {@code vpnlint diff}:
 * generated routers with one {@link org.vpnlint.oracle.differential.ConfigChange} each, every witness of a reported
 * difference replayed on the kernel as the old and as the new version ({@link
 * org.vpnlint.oracle.differential.ChangeReplay}), sample packets for pairs proved unchanged.
 *
 * <p>Run as root: {@code mvn -B -o -pl oracle test -Dtest=KernelDatapathDifferentialTest}
 * ({@code -Dvpnlint.differential.seed=N} for other random cases). The report, one line per case and every
 * disagreement in full, is in {@code oracle/target/surefire-reports/...KernelDatapathDifferentialTest-output.txt}.
 */
package org.vpnlint.oracle.differential;
