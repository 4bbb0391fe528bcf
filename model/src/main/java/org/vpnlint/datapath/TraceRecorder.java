package org.vpnlint.datapath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The step sink of a concrete replay: keeps the steps the packet actually takes, in order. */
final class TraceRecorder implements StepSink<Boolean, ConcreteBits> {

    private final AddressFamily family;
    private final List<TraceStep> steps = new ArrayList<>();

    TraceRecorder(AddressFamily family) {
        this.family = family;
    }

    @Override
    public void step(Boolean when, Stage stage, Header<ConcreteBits> header, Supplier<Explanation> explanation) {
        if (!when) return;
        Explanation explained = explanation.get();
        steps.add(new TraceStep(stage, explained.detail(), explained.location(), ConcreteHeader.of(header, family)));
    }

    List<TraceStep> steps() {
        return List.copyOf(steps);
    }
}
