package org.vpnlint.cli.analysis;

import java.util.function.Supplier;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.Z3Solver;

/**
 * Makes the Z3 solver when the first rule asks for one. Kept in its own class so that a run whose rules never
 * ask (and {@code vpnlint rules}, {@code explain}) does not even load the solver's classes.
 */
final class Z3Solvers implements Supplier<Solver> {

    @Override
    public Solver get() {
        return new Z3Solver();
    }
}
