package org.vpnlint.oracle.differential;

import java.util.Optional;
import java.util.Random;
import org.vpnlint.checks.diff.RouterVersion;
import org.vpnlint.model.Dialect;

/**
 * Router pairs for the change-replay test: a configuration of {@link CaseGenerator} as the old version, one
 * {@link ConfigChange} of it as the new. The kinds of change take turns; one that does not apply to a configuration
 * gives way to the next. Reproducible: the same seed gives the same pairs.
 */
final class ChangePairs {

    /**
     * One router before and after a change.
     *
     * @param base the generated case the pair starts from: its probe and SA states are a sample packet
     */
    record ChangedRouter(
            String name,
            ConfigChange change,
            DifferentialCase base,
            String beforeText,
            String afterText,
            RouterVersion before,
            RouterVersion after) {}

    private final CaseGenerator generator;
    private final Random random;

    ChangePairs(long seed) {
        this.generator = new CaseGenerator(seed);
        this.random = new Random(seed);
    }

    ChangedRouter next(int index) {
        DifferentialCase base = generator.next(index);
        ConfigChange[] kinds = ConfigChange.values();
        for (int turn = 0; turn < kinds.length; turn++) {
            ConfigChange change = kinds[(index + turn) % kinds.length];
            Optional<ConfigChange.Versions> versions = change.apply(base.config(), random);
            if (versions.isEmpty()) continue;
            String before = versions.get().before();
            String after = versions.get().after();
            return new ChangedRouter(
                    "pair #" + index + " (" + change.description() + ")",
                    change,
                    base,
                    before,
                    after,
                    ConfigText.version("before-" + index + ".set", before, Dialect.VYOS_1_4),
                    ConfigText.version("after-" + index + ".set", after, Dialect.VYOS_1_4));
        }
        throw new IllegalStateException(
                "no change applies to generated case " + index); // removing an exclude always does
    }
}
