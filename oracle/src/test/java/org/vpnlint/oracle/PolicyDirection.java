package org.vpnlint.oracle;

/** XFRM policy directions, as strongSwan installs them: OUT for sending, FWD and IN for checking arrivals. */
public enum PolicyDirection {
    OUT("out"),
    FWD("fwd"),
    IN("in");

    private final String keyword;

    PolicyDirection(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }
}
