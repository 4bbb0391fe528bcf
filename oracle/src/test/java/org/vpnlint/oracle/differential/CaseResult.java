package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.oracle.Observation;
import org.vpnlint.oracle.XfrmPolicy;

/**
 * One case replayed both ways.
 *
 * @param seen        the kernel's observation, null when the kernel refused the rendered scenario
 * @param differences what differs between model and kernel (empty: they agree)
 */
record CaseResult(
        DifferentialCase differentialCase,
        RenderedScenario rendered,
        PacketTrace trace,
        Observation seen,
        List<String> differences) {

    CaseResult {
        differences = List.copyOf(differences);
    }

    /** One line: both verdicts. */
    String summary() {
        return (agrees() ? "AGREE    " : "DISAGREE ") + differentialCase.describe() + " | model "
                + VerdictCorrespondence.modelVerdict(trace) + " | kernel "
                + (seen == null
                        ? "no replay"
                        : seen.verdict()
                                + (seen.headerOnArrival() == null
                                        ? ""
                                        : " as " + seen.headerOnArrival() + " at " + seen.arrivedAt())
                                + (seen.evidence().send().sent()
                                        ? ""
                                        : ", sender got " + seen.evidence().send()));
    }

    boolean agrees() {
        return differences.isEmpty();
    }

    /** Everything needed to judge a disagreement: the configuration, both verdicts, the model trace, the kernel evidence. */
    String report() {
        StringBuilder text = new StringBuilder();
        text.append("DISAGREE ").append(differentialCase.describe()).append('\n');
        differences.forEach(d -> text.append("  difference: ").append(d).append('\n'));
        text.append("  model trace:\n").append(trace.render().indent(4));
        text.append("  kernel: ").append(seen == null ? "no replay" : seen).append('\n');
        if (seen != null)
            text.append("  kernel matched policies: ")
                    .append(seen.matchedPolicies())
                    .append('\n');
        text.append("  installed policies:\n");
        for (XfrmPolicy policy : rendered.scenario().policies()) {
            text.append("    ")
                    .append(policy)
                    .append(" = ")
                    .append(rendered.tunnelByReqid().get(policy.template().reqid()))
                    .append('\n');
        }
        text.append("  installed routes: ").append(rendered.scenario().routes()).append('\n');
        text.append("  installed rules: ").append(rendered.scenario().rules()).append('\n');
        text.append("  installed nft:\n")
                .append(rendered.scenario().nft().text().indent(4));
        if (differentialCase.config() != null) {
            text.append("  configuration:\n").append(differentialCase.config().indent(4));
        }
        return text.toString();
    }
}
