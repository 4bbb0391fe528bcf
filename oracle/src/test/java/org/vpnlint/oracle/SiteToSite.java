package org.vpnlint.oracle;

/**
 * Names for the addresses of the standard layout (docs/semantics/oracle-method.md#three-namespace-layout): a branch
 * router (192.0.2.1) with lan 192.168.10.0/24 and a tunnel to the peer 192.0.2.254, behind which is 10.10.10.0/24.
 */
final class SiteToSite {

    static final String LAN_HOST = "192.168.10.100";
    static final String LAN_HOST_45 = "192.168.10.45";
    static final String ROUTER_WAN = "192.0.2.1";
    static final String PEER = "192.0.2.254";
    static final String REMOTE_HOST = "10.10.10.200";
    static final String REMOTE_HOST_55 = "10.10.10.55";
    static final String LAN_SUBNET = "192.168.10.0/24";
    static final String REMOTE_SUBNET = "10.10.10.0/24";

    /** The router's upstream interface (r1) in nft rule text. */
    static final String OUT_WAN = "oifname \"" + Topology.ROUTER_WAN_INTERFACE + "\" ";

    private SiteToSite() {}

    /** An ESP tunnel template from the router to the peer. */
    static XfrmTemplate tunnelToPeer(int reqid, TemplateMode mode) {
        return new XfrmTemplate(ROUTER_WAN, PEER, reqid, mode);
    }

    /** The tunnel's outbound policy lan → remote subnet, reqid 1. */
    static XfrmPolicy lanToRemotePolicy(TemplateMode mode) {
        return XfrmPolicy.out(TrafficSelector.between(LAN_SUBNET, REMOTE_SUBNET), tunnelToPeer(1, mode));
    }

    /** A scenario on the standard layout whose router has a default route to the peer's side. */
    static KernelScenario.Builder routedScenario(String name) {
        return KernelScenario.named(name).route(Route.defaultVia(PEER));
    }
}
