/**
 * The executable Linux data path: how a packet crosses a VyOS/EdgeOS router with NAT, routing, XFRM (IPsec)
 * policies and the filter, written once over {@link org.vpnlint.datapath.HeaderAlgebra} so that the concrete
 * replay ({@link org.vpnlint.datapath.Datapath#replay}) and the Z3 formula (module solver, via
 * {@link org.vpnlint.datapath.Datapath#evaluate}) are the same computation.
 *
 * <p>Facts encoded; docs/semantics/README.md gives each one's primary source and the oracle test that proves it:
 * <ul>
 *   <li>Order of the kernel (docs/semantics/netfilter-and-xfrm-order.md#order-at-a-glance): DNAT before routing;
 *       the fwd policy check on the addresses as they arrived; outbound lookup 1 post-DNAT/pre-SNAT before FORWARD, a
 *       policy without SA drops there; SNAT in POSTROUTING, then lookup 2 on the translated header, which decides; the
 *       encrypted packet passes OUTPUT and POSTROUTING itself. The router's own packets: route and lookup at socket
 *       time (no route ⇒ unreachable before any policy), OUTPUT, POSTROUTING. Decrypted packets pass PREROUTING
 *       again with the ESP's interface as input interface.</li>
 *   <li>strongSwan (docs/semantics/strongswan.md#policy-priority,
 *       docs/semantics/netfilter-and-xfrm-order.md#table-220, docs/semantics/vyos-rendering.md#no-prefix-means-dynamic,
 *       docs/semantics/strongswan.md#transport-mode-has-no-fwd-policy, docs/semantics/strongswan.md#local-address-any):
 *       policy priorities from kernel-netlink get_priority, the regular SA beating its trap; table-220 routes
 *       (looked up before main) only for tunnel-mode selectors without protocol or port, only with a local address
 *       inside local_ts, gone with the policies, none with {@code disable-route-autoinstall}; no prefixes ⇒ the IKE
 *       endpoints with all protocols; transport mode ⇒ local-address/remote-address with the protocol, and no fwd
 *       policy; {@code local-address any} ⇒ the source address towards the peer, for the policies and the ESP packets
 *       alike. What "SA down" means: {@link org.vpnlint.datapath.SaLifecycle}
 *       (docs/semantics/sa-lifecycle.md#policies-go-with-the-child-sa).</li>
 *   <li>VyOS/EdgeOS rendering (docs/semantics/vyos-rendering.md#nat-rendering,
 *       docs/semantics/vyos-rendering.md#auto-firewall-nat-exclude): NAT first match by rule number, exclude stops
 *       NAT, destination rules only in PREROUTING, masquerade takes the outbound interface's address; EdgeOS
 *       auto-firewall-nat-exclude.</li>
 * </ul>
 *
 * <p>Compiling a router ({@link org.vpnlint.datapath.CompiledRouter#compile}) also turns its tables' conditions into
 * numbers and indexes them by address ({@link org.vpnlint.datapath.CompiledConditions}), so that a replay on a
 * router with thousands of rules looks only at the few whose addresses can hold; the symbolic run does not use the
 * indexes (its addresses are unknown) and builds the same terms.
 *
 * <p>A concrete replay records typed steps ({@link org.vpnlint.datapath.TraceStep}: what acted, with its
 * configuration line, and the header it left); {@link org.vpnlint.datapath.StepText} alone turns them into the
 * English of {@code vpnlint trace} and of every report.
 *
 * <p>Rule questions outside the pipeline (shadowed or unreachable rules) match firewall and NAT rules through
 * {@link org.vpnlint.datapath.RuleMatch}, the code the filter hooks and NAT chains use.
 *
 * <p>Simplifications, each chosen to keep the model exact for the questions vpnlint asks:
 * every packet is the first of its connection (state new; NAT rules see it); a range translation takes its lowest
 * address and port; a DHCP/PPPoE address is the unknown marker of {@link org.vpnlint.datapath.AddressFamily};
 * runtime NAT-T detection is not modelled (only forced UDP encapsulation gives UDP 4500); a forwarded packet routed
 * into a GRE interface ends there (its GRE packet is replayed as the router's own); equal policy priorities are
 * ordered by configuration, where the kernel orders them by installation time.
 */
package org.vpnlint.datapath;
