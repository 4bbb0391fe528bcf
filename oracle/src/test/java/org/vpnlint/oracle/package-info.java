/**
 * The kernel oracle: replays datapath cases against the real Linux kernel in network namespaces
 * (docs/semantics/oracle-method.md#three-namespace-layout) so that the datapath model can be checked against it.
 *
 * <p>How a case runs ({@link org.vpnlint.oracle.KernelOracle#observe}):
 * <ol>
 *   <li>{@link org.vpnlint.oracle.Topology}: namespaces {@code vl<pid>lan}, {@code vl<pid>rtr},
 *       {@code vl<pid>wan} (a {@code _<n>} goes before the role when one JVM builds several), reused across
 *       cases; {@link org.vpnlint.oracle.NamespaceReaper} removes them whatever happens.</li>
 *   <li>{@link org.vpnlint.oracle.ScenarioInstaller}: the {@link org.vpnlint.oracle.KernelScenario}'s routes,
 *       rules, XFRM policies and nftables go into the router, replacing the previous case's, plus the observer
 *       tables ({@link org.vpnlint.oracle.ObserverRuleset}).</li>
 *   <li>{@link org.vpnlint.oracle.PacketSender} sends one TOS-marked probe (UDP, TCP SYN, ICMP echo, GRE) from
 *       lan, wan or the router itself.</li>
 *   <li>{@link org.vpnlint.oracle.Evidence}: far-side arrivals, XFRM counters, larval states (kept because an
 *       {@link org.vpnlint.oracle.AcquireListener} listens), router hook counters.</li>
 *   <li>{@link org.vpnlint.oracle.Observation#classify} turns the evidence into a
 *       {@link org.vpnlint.oracle.KernelVerdict}; its javadoc holds the observable → verdict table.</li>
 * </ol>
 *
 * <p>A differential test renders a vpnlint router model (NAT rules, routes, tunnels with their SA up or down)
 * into a {@code KernelScenario} (SA up → {@link org.vpnlint.oracle.TemplateMode#TRANSPORT_USE}, SA down with
 * policies kept → {@link org.vpnlint.oracle.TemplateMode#TUNNEL_REQUIRED}, SA down with policies removed → no
 * policy), observes it, and compares the verdict and the far-side header with the model's concrete trace.
 *
 * <p>Tests that need the kernel are tagged {@code kernel} and skip unless running as root with iproute2, nft and
 * perl; with {@code VPNLINT_REQUIRE_KERNEL_ORACLE=1} they fail instead of skipping.
 */
package org.vpnlint.oracle;
