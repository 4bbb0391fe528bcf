package org.vpnlint.datapath;

import java.math.BigInteger;

/**
 * The operations the packet pipeline is written in: booleans ({@code B}) and fixed-width unsigned
 * bit-vectors ({@code V}) for addresses (32 or 128 bits), protocol (8), ports (16) and small enumerations.
 *
 * <p>The pipeline is written once against this interface. The concrete interpretation computes real values and
 * records a trace; the Z3 interpretation (module solver) builds the same computation as a formula. Because both
 * run the very same code, what Z3 proves and what a replay shows cannot drift apart.
 *
 * <p>Method names differ between the boolean and the bit-vector variants because B and V may erase to the same
 * Java type.
 */
public interface HeaderAlgebra<B, V> {

    B bool(boolean value);

    V bits(BigInteger value, int width);

    default V bits(long value, int width) {
        return bits(BigInteger.valueOf(value), width);
    }

    B and(B left, B right);

    B or(B left, B right);

    B not(B operand);

    /** {@code condition ? then : otherwise} on booleans. */
    B ifBool(B condition, B then, B otherwise);

    /** {@code condition ? then : otherwise} on bit-vectors of equal width. */
    V ifBits(B condition, V then, V otherwise);

    B eq(V left, V right);

    /** Unsigned less-or-equal. */
    B ule(V left, V right);

    V bitAnd(V left, V right);

    V bitOr(V left, V right);

    /**
     * The value of a term when it is known (always in the concrete interpretation; for a constant in the symbolic
     * one), else null. Used to describe trace steps, and to test a known header field against a rule by comparing
     * numbers, which gives the constant the term would fold to.
     */
    BigInteger valueOf(V term);

    /**
     * The truth value of a term when it is known (always in the concrete interpretation; for the literal constants
     * in the symbolic one), else null. The pipeline uses it only to skip work whose terms a known condition makes
     * irrelevant: the rules after one that surely matches, the branches of a condition that is surely false. What
     * it builds means the same as without skipping, and is the very same term when the operations fold constant
     * conditions (both interpretations do).
     */
    Boolean truthOf(B term);

    default B implies(B premise, B conclusion) {
        return or(not(premise), conclusion);
    }

    /** {@code low <= value <= high}, unsigned. */
    default B between(V value, V low, V high) {
        return and(ule(low, value), ule(value, high));
    }
}
