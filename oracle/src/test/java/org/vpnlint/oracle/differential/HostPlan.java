package org.vpnlint.oracle.differential;

import java.util.List;

/**
 * Hosts that exist around the router in every case of a suite, so that cases share one topology: lan hosts (on the
 * LAN subnet) and remote hosts (on the wan namespace's loopback: hosts behind the peers or on the Internet).
 * A probe's own source is added when the plan lacks it.
 */
record HostPlan(List<String> lanHosts, List<String> remoteHosts) {

    HostPlan {
        lanHosts = List.copyOf(lanHosts);
        remoteHosts = List.copyOf(remoteHosts);
    }
}
