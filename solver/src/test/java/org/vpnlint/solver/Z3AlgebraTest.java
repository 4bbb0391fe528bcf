package org.vpnlint.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.ConcreteAlgebra;
import org.vpnlint.datapath.ConcreteBits;
import org.vpnlint.datapath.HeaderAlgebra;

/** The Z3 algebra means what the concrete one computes: unsigned bit-vectors, if-then-else, masks. */
class Z3AlgebraTest {

    private static Z3Solver solver;
    private static SymbolicQuery<BoolExpr, BitVecExpr> query;
    private static SymbolicAlgebra<BoolExpr, BitVecExpr> z3;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void openQuery() {
        solver = new Z3Solver();
        query = (SymbolicQuery<BoolExpr, BitVecExpr>) solver.newQuery("algebra test", Duration.ofSeconds(10));
        z3 = query.algebra();
    }

    @AfterAll
    static void closeSolver() {
        solver.close();
    }

    /** Proves that the term always has this value, given the facts required so far. */
    private static void assertAlways(BigInteger expected, BitVecExpr term) {
        int width = term.getSortSize();
        QueryResult result = query.check(z3.not(z3.eq(term, z3.bits(expected, width))));
        assertInstanceOf(QueryResult.Proved.class, result, () -> "term can differ from " + expected + ": " + result);
    }

    private static void assertAlways(boolean expected, BoolExpr term) {
        QueryResult result = query.check(expected ? z3.not(term) : term);
        assertInstanceOf(QueryResult.Proved.class, result, () -> "term can be " + !expected + ": " + result);
    }

    @Test
    void comparisonIsUnsigned() {
        BitVecExpr high = z3.freshBits("high", 32);
        query.require(z3.eq(high, z3.bits(0x8000_0000L, 32)));
        // signed, 0x80000000 would be the smallest 32-bit number
        assertAlways(false, z3.ule(high, z3.bits(0x7fff_ffffL, 32)));
        assertAlways(true, z3.ule(z3.bits(0x7fff_ffffL, 32), high));
        assertEquals(
                false,
                ConcreteAlgebra.INSTANCE.ule(
                        new ConcreteBits(BigInteger.valueOf(0x8000_0000L), 32),
                        new ConcreteBits(BigInteger.valueOf(0x7fff_ffffL), 32)));
    }

    @Test
    void ifThenElseFollowsTheCondition() {
        BoolExpr condition = z3.freshBool("condition");
        BitVecExpr chosen = z3.ifBits(condition, z3.bits(1, 8), z3.bits(2, 8));
        QueryResult result = query.check(z3.eq(chosen, z3.bits(2, 8)));
        QueryResult.Witness witness = assertInstanceOf(QueryResult.Witness.class, result);
        assertEquals(BigInteger.ZERO, witness.value("condition"));
    }

    @Test
    void constantsAreFoldedAndReadable() {
        assertEquals(BigInteger.valueOf(0x0a), z3.valueOf(z3.bitAnd(z3.bits(0x0f, 8), z3.bits(0xfa, 8))));
        assertEquals(Boolean.TRUE, z3.truthOf(z3.ule(z3.bits(3, 8), z3.bits(200, 8))));
        assertEquals(Boolean.FALSE, z3.truthOf(z3.and(z3.freshBool("anything"), z3.bool(false))));
        assertEquals(null, z3.valueOf(z3.freshBits("unknown", 8)));
    }

    @Test
    void widthsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> z3.eq(z3.bits(1, 8), z3.bits(1, 16)));
        assertThrows(IllegalArgumentException.class, () -> z3.bits(256, 8));
    }

    /**
     * Random terms over the same leaves, built once in each algebra from the same seed: Z3 proves that its term has
     * exactly the concrete value. Leaves are fresh variables pinned to their values, so Z3 computes, nothing folds.
     */
    @Test
    void randomTermsAgreeWithTheConcreteAlgebra() {
        List<Long> values = List.of(0x00L, 0x7fL, 0x80L, 0xffL, 0x35L);
        List<BitVecExpr> z3Leaves = new java.util.ArrayList<>();
        List<ConcreteBits> concreteLeaves = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BitVecExpr leaf = z3.freshBits("leaf" + i, 8);
            query.require(z3.eq(leaf, z3.bits(values.get(i), 8)));
            z3Leaves.add(leaf);
            concreteLeaves.add(new ConcreteBits(BigInteger.valueOf(values.get(i)), 8));
        }
        for (int seed = 0; seed < 60; seed++) {
            BitVecExpr symbolic = new TermBuilder<>(z3, z3Leaves, seed).bitsTerm(4);
            ConcreteBits concrete = new TermBuilder<>(ConcreteAlgebra.INSTANCE, concreteLeaves, seed).bitsTerm(4);
            assertAlways(concrete.value(), symbolic);
        }
    }

    /** Builds the same random term in any algebra: the structure depends only on the seed. */
    private static final class TermBuilder<B, V> {
        private final HeaderAlgebra<B, V> algebra;
        private final List<V> leaves;
        private final Random random;

        TermBuilder(HeaderAlgebra<B, V> algebra, List<V> leaves, long seed) {
            this.algebra = algebra;
            this.leaves = leaves;
            this.random = new Random(seed);
        }

        V bitsTerm(int depth) {
            int choice = depth == 0 ? random.nextInt(2) : random.nextInt(5);
            return switch (choice) {
                case 0 -> leaves.get(random.nextInt(leaves.size()));
                case 1 -> algebra.bits(random.nextInt(256), 8);
                case 2 -> algebra.bitAnd(bitsTerm(depth - 1), bitsTerm(depth - 1));
                case 3 -> algebra.bitOr(bitsTerm(depth - 1), bitsTerm(depth - 1));
                default -> algebra.ifBits(boolTerm(depth - 1), bitsTerm(depth - 1), bitsTerm(depth - 1));
            };
        }

        B boolTerm(int depth) {
            int choice = depth == 0 ? 0 : random.nextInt(6);
            return switch (choice) {
                case 0 -> algebra.ule(bitsTerm(0), bitsTerm(0));
                case 1 -> algebra.eq(bitsTerm(depth - 1), bitsTerm(depth - 1));
                case 2 -> algebra.and(boolTerm(depth - 1), boolTerm(depth - 1));
                case 3 -> algebra.or(boolTerm(depth - 1), boolTerm(depth - 1));
                case 4 -> algebra.not(boolTerm(depth - 1));
                default -> algebra.ifBool(boolTerm(depth - 1), boolTerm(depth - 1), boolTerm(depth - 1));
            };
        }
    }
}
