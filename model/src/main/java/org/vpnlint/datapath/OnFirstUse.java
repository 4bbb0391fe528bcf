package org.vpnlint.datapath;

import java.util.function.Supplier;

/**
 * A value computed when it is first asked for, once, also when several threads share the compiled router: the
 * indexes of a table a replay never reaches (source NAT for a packet delivered locally) cost nothing.
 */
final class OnFirstUse<T> {

    private Supplier<T> computation;
    private T value;

    OnFirstUse(Supplier<T> computation) {
        this.computation = computation;
    }

    synchronized T get() {
        if (computation != null) {
            value = computation.get();
            computation = null;
        }
        return value;
    }
}
