package org.vpnlint.datapath;

import java.math.BigInteger;

/** A known unsigned bit-vector value: the {@code V} of {@link ConcreteAlgebra}. */
public record ConcreteBits(BigInteger value, int width) {

    public ConcreteBits {
        if (width <= 0) throw new IllegalArgumentException("width must be positive: " + width);
        if (value.signum() < 0 || value.bitLength() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " bits");
        }
    }

    public int intValue() {
        return value.intValueExact();
    }

    @Override
    public String toString() {
        return value + "/" + width;
    }
}
