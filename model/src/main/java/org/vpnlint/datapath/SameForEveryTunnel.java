package org.vpnlint.datapath;

import java.util.AbstractList;

/**
 * One SA state for every tunnel, as an unmodifiable list that stores it once: a replay with every SA up on a router
 * with a thousand tunnels does not fill a thousand-entry list.
 */
final class SameForEveryTunnel<B> extends AbstractList<B> {

    private final B state;
    private final int tunnels;

    SameForEveryTunnel(B state, int tunnels) {
        this.state = java.util.Objects.requireNonNull(state);
        this.tunnels = tunnels;
    }

    @Override
    public B get(int index) {
        java.util.Objects.checkIndex(index, tunnels);
        return state;
    }

    @Override
    public int size() {
        return tunnels;
    }
}
