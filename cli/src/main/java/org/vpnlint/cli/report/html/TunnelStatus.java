package org.vpnlint.cli.report.html;

/**
 * A tunnel's colour in the drawing and its first inventory column, from the worst property: broken (IKE or the
 * CHILD_SA cannot be established), traffic leaking with the SA up, leaking only while the SA is down, a warning
 * about IKE or the CHILD_SA, not all decided, or every property proved. The order is precedence: a tunnel shows
 * the first that applies.
 */
public enum TunnelStatus {
    BROKEN("broken", "broken: IKE, selectors or proposals"),
    LEAKS_SA_UP("leaks-up", "leaks cleartext with the SA up"),
    LEAKS_SA_DOWN("leaks-down", "leaks cleartext when the SA is down"),
    WARNED("warned", "a warning about IKE, selectors or proposals"),
    UNKNOWN("unknown", "not proved either way"),
    PROTECTED("protected", "protected with the SA up and down");

    private final String cssClass;
    private final String legend;

    TunnelStatus(String cssClass, String legend) {
        this.cssClass = cssClass;
        this.legend = legend;
    }

    public String cssClass() {
        return cssClass;
    }

    public String legend() {
        return legend;
    }
}
