package org.vpnlint.model;

import inet.ipaddr.IPAddress;

/**
 * One WAN interface of a {@link LoadBalanceGroup}: the load balancer marks a connection for it and routes the
 * marked packets by a table of its own, which holds one default route out of this interface.
 *
 * @param weight       the share of new connections (VyOS {@code weight}, EdgeOS {@code weight}; 1 when not set)
 * @param failoverOnly EdgeOS {@code failover-only} / VyOS rule {@code failover}: used only while the others are down
 * @param table        the routing table the mark selects (docs/semantics/wan-load-balancing.md)
 * @param nextHop      the default route's gateway, null when the configuration does not say (DHCP, PPPoE)
 */
public record LoadBalancedWan(String interfaceName, int weight, boolean failoverOnly, int table, IPAddress nextHop) {}
