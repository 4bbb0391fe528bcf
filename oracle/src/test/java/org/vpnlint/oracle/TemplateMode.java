package org.vpnlint.oracle;

/**
 * How a policy's template stands in for the state of its SA. This kernel has no ESP/AH/IPComp, so no SA can be
 * installed (docs/semantics/oracle-method.md#sa-up-stand-in); the template mode is how a case says "SA up" or
 * "SA down".
 */
public enum TemplateMode {
    /**
     * SA down, policy still installed (strongSwan trap policy): {@code mode tunnel level required}. A matching
     * packet finds no state, so the kernel sends an ACQUIRE and drops it ({@code XfrmOutNoStates}).
     */
    TUNNEL_REQUIRED("tunnel", "required"),
    /**
     * Stand-in for SA up: {@code mode transport level use}. An optional template without a state is skipped, so a
     * matching packet passes untransformed, but the match is still visible as a larval (ACQUIRE) state. Optional
     * tunnel-mode templates are rejected in outbound policies by 6.x kernels, hence transport mode.
     */
    TRANSPORT_USE("transport", "use");

    private final String mode;
    private final String level;

    TemplateMode(String mode, String level) {
        this.mode = mode;
        this.level = level;
    }

    String toIpArguments() {
        return "mode " + mode + " level " + level;
    }
}
