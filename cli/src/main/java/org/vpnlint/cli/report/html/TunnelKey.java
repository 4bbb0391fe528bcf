package org.vpnlint.cli.report.html;

/**
 * Names a tunnel of a site-to-site peer in a file: {@code tunnel} is the tunnel's number, 0 for the VTI of a
 * route-based peer, and {@link #WHOLE_PEER} for something said about every tunnel of the peer (e.g. IKE).
 */
record TunnelKey(String file, String peer, int tunnel) {
    static final int WHOLE_PEER = -1;

    TunnelKey wholePeer() {
        return new TunnelKey(file, peer, WHOLE_PEER);
    }
}
