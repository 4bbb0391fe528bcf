package org.vpnlint.datapath;

import java.util.function.Supplier;

/**
 * Receives the pipeline's steps. The pipeline reports every step it could take together with the condition under
 * which the packet takes it; a concrete run records the steps whose condition is true, a symbolic run ignores
 * them all. The explanation is computed only when asked for (it reads concrete values).
 */
@FunctionalInterface
public interface StepSink<B, V> {

    void step(B when, Stage stage, Header<V> header, Supplier<Explanation> explanation);

    static <B, V> StepSink<B, V> ignoring() {
        return (when, stage, header, explanation) -> {};
    }
}
