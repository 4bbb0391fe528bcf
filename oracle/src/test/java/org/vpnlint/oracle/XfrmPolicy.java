package org.vpnlint.oracle;

/**
 * One XFRM (IPsec) policy as {@code ip xfrm policy add} takes it. Every policy here has a template: a policy
 * without one would let packets pass without leaving any trace, which the verdict rules in {@link Observation}
 * rely on not happening.
 *
 * @param selector  which packets it covers
 * @param direction out, fwd or in
 * @param template  the SA it asks for, and whether that SA counts as up or down
 * @param priority  kernel priority, lower wins (strongSwan uses values like 375423; 0 is the kernel default)
 */
public record XfrmPolicy(TrafficSelector selector, PolicyDirection direction, XfrmTemplate template, int priority) {

    public static XfrmPolicy out(TrafficSelector selector, XfrmTemplate template) {
        return new XfrmPolicy(selector, PolicyDirection.OUT, template, 0);
    }

    public static XfrmPolicy fwd(TrafficSelector selector, XfrmTemplate template) {
        return new XfrmPolicy(selector, PolicyDirection.FWD, template, 0);
    }

    public static XfrmPolicy in(TrafficSelector selector, XfrmTemplate template) {
        return new XfrmPolicy(selector, PolicyDirection.IN, template, 0);
    }

    public XfrmPolicy withPriority(int newPriority) {
        return new XfrmPolicy(selector, direction, template, newPriority);
    }

    /** The {@code ip -batch} line that installs this policy. */
    String addCommand() {
        return "xfrm policy add " + selector.toIpArguments() + " dir " + direction.keyword() + " priority " + priority
                + " " + template.toIpArguments();
    }
}
