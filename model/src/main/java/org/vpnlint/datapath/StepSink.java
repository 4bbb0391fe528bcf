package org.vpnlint.datapath;

import java.util.function.Supplier;

/**
 * Receives the pipeline's steps. The pipeline reports every step it could take together with the condition under
 * which the packet takes it; a concrete run records the steps whose condition is true, a symbolic run ignores
 * them all. The step is built only when asked for (it reads concrete values).
 */
@FunctionalInterface
public interface StepSink<B> {

    void step(B when, Supplier<TraceStep.PacketStep> step);

    static <B> StepSink<B> ignoring() {
        return (when, step) -> {};
    }
}
