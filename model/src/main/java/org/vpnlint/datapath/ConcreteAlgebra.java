package org.vpnlint.datapath;

import java.math.BigInteger;

/**
 * The header algebra over known values: booleans are {@link Boolean}, bit-vectors are {@link ConcreteBits}.
 * Running the pipeline with it replays one real packet. Widths are checked as strictly as an SMT solver would,
 * so a width mistake in the pipeline shows up in plain unit tests too.
 */
public final class ConcreteAlgebra implements HeaderAlgebra<Boolean, ConcreteBits> {

    public static final ConcreteAlgebra INSTANCE = new ConcreteAlgebra();

    private ConcreteAlgebra() {}

    @Override
    public Boolean bool(boolean value) {
        return value;
    }

    @Override
    public ConcreteBits bits(BigInteger value, int width) {
        return new ConcreteBits(value, width);
    }

    @Override
    public Boolean and(Boolean left, Boolean right) {
        return left && right;
    }

    @Override
    public Boolean or(Boolean left, Boolean right) {
        return left || right;
    }

    @Override
    public Boolean not(Boolean operand) {
        return !operand;
    }

    @Override
    public Boolean ifBool(Boolean condition, Boolean then, Boolean otherwise) {
        return condition ? then : otherwise;
    }

    @Override
    public ConcreteBits ifBits(Boolean condition, ConcreteBits then, ConcreteBits otherwise) {
        sameWidth(then, otherwise);
        return condition ? then : otherwise;
    }

    @Override
    public Boolean eq(ConcreteBits left, ConcreteBits right) {
        sameWidth(left, right);
        return left.value().equals(right.value());
    }

    @Override
    public Boolean ule(ConcreteBits left, ConcreteBits right) {
        sameWidth(left, right);
        return left.value().compareTo(right.value()) <= 0;
    }

    @Override
    public ConcreteBits bitAnd(ConcreteBits left, ConcreteBits right) {
        sameWidth(left, right);
        return new ConcreteBits(left.value().and(right.value()), left.width());
    }

    @Override
    public ConcreteBits bitOr(ConcreteBits left, ConcreteBits right) {
        sameWidth(left, right);
        return new ConcreteBits(left.value().or(right.value()), left.width());
    }

    @Override
    public BigInteger valueOf(ConcreteBits term) {
        return term.value();
    }

    @Override
    public Boolean truthOf(Boolean term) {
        return term;
    }

    private static void sameWidth(ConcreteBits left, ConcreteBits right) {
        if (left.width() != right.width()) {
            throw new IllegalArgumentException("width mismatch: " + left + " vs " + right);
        }
    }
}
