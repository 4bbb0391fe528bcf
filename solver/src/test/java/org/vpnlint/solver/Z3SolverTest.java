package org.vpnlint.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A solver whose context fills up starts a fresh one between questions, and answers as before. */
class Z3SolverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @SuppressWarnings("unchecked")
    private static SymbolicQuery<BoolExpr, BitVecExpr> query(Z3Solver solver) {
        return (SymbolicQuery<BoolExpr, BitVecExpr>) solver.newQuery("solver test", TIMEOUT);
    }

    /** A port in [low, low + 100], preferring the highest: a witness the terms of earlier questions could steer. */
    private static int highestPort(Z3Solver solver, int low) {
        try (var query = query(solver)) {
            var a = query.algebra();
            BitVecExpr port = a.freshBits("port", 16);
            query.require(a.between(port, a.bits(low, 16), a.bits(low + 100, 16)));
            query.prefer(a.eq(port, a.bits(low + 100, 16)));
            QueryResult result = query.check(a.bool(true));
            return assertInstanceOf(QueryResult.Witness.class, result)
                    .value("port")
                    .intValue();
        }
    }

    private static List<Integer> askMany(Z3Solver solver) {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) answers.add(highestPort(solver, 1000 + i));
        return answers;
    }

    @Test
    void questionsAfterTheLimitGetAFreshContextAndTheSameAnswers() {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) expected.add(1100 + i);
        try (Z3Solver small = new Z3Solver(20)) {
            assertEquals(expected, askMany(small));
        }
        try (Z3Solver small = new Z3Solver(20);
                Z3Solver again = new Z3Solver(20)) {
            assertEquals(askMany(small), askMany(again), "the same questions give the same witnesses");
        }
    }

    @Test
    void anOpenQuestionKeepsItsContext() {
        try (Z3Solver small = new Z3Solver(1)) {
            var open = query(small);
            var a = open.algebra();
            BitVecExpr port = a.freshBits("port", 16);
            open.require(a.between(port, a.bits(10, 16), a.bits(20, 16)));
            assertEquals(1100, highestPort(small, 1000)); // asked while the first question is still open
            assertInstanceOf(QueryResult.Proved.class, open.check(a.eq(port, a.bits(30, 16))));
            open.close();
            assertEquals(2100, highestPort(small, 2000)); // now the full context is replaced
        }
    }
}
