package org.vpnlint.datapath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The step sink of a concrete replay: keeps the steps the packet actually takes, in order. */
final class TraceRecorder implements StepSink<Boolean> {

    private final List<TraceStep.PacketStep> steps = new ArrayList<>();

    @Override
    public void step(Boolean when, Supplier<TraceStep.PacketStep> step) {
        if (when) steps.add(step.get());
    }

    List<TraceStep.PacketStep> steps() {
        return List.copyOf(steps);
    }
}
