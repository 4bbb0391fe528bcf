package org.vpnlint.datapath;

/**
 * The plain-text form of a replay, for a terminal or a ticket (each step's words come from {@link StepText}):
 * <pre>
 * packet udp 192.168.10.100:40000 → 10.10.10.200:5555 arriving on eth1, SA of every tunnel up
 *   1 prerouting-dnat           no destination NAT rule matches
 *   2 route                     10.10.10.200 via 203.0.113.1 dev eth0 (default route 0.0.0.0/0)  [config.boot:12:5]
 *   ...
 *   verdict: CLEARTEXT out of eth0 as udp 203.0.113.134:40000 → 10.10.10.200:5555
 * </pre>
 */
public final class TraceText {

    private TraceText() {}

    public static String render(PacketTrace trace) {
        StringBuilder text = new StringBuilder();
        text.append("packet ")
                .append(trace.packet())
                .append(", ")
                .append(trace.saStates().describe())
                .append('\n');
        int width = trace.steps().stream()
                .mapToInt(s -> s.stage().id().length())
                .max()
                .orElse(0);
        int number = 1;
        for (TraceStep step : trace.steps()) {
            text.append(String.format("  %2d %-" + width + "s  %s", number++, step.stageId(), StepText.detail(step)));
            if (step.location() != null)
                text.append("  [").append(step.location()).append(']');
            text.append('\n');
        }
        text.append("  verdict: ").append(verdictLine(trace)).append('\n');
        return text.toString();
    }

    /** E.g. {@code CLEARTEXT out of eth0 as udp 203.0.113.134:40000 → 10.10.10.200:5555}. */
    public static String verdictLine(PacketTrace trace) {
        return switch (trace.verdict()) {
            case ENCRYPTED ->
                "ENCRYPTED by " + trace.tunnel() + ", out of " + trace.egress() + " as " + trace.outerHeader()
                        + " carrying " + trace.finalHeader();
            case CLEARTEXT -> "CLEARTEXT out of " + trace.egress() + " as " + trace.finalHeader();
            case LOCAL -> "LOCAL delivery of " + trace.finalHeader();
            case UNREACHABLE -> "UNREACHABLE: " + trace.dropReason().description();
            case DROPPED ->
                "DROPPED: " + trace.dropReason().description()
                        + (trace.tunnel() == null ? "" : " (" + trace.tunnel() + ")");
        };
    }
}
