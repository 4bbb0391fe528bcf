package org.vpnlint.solver;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header algebra as Z3 terms: booleans are {@link BoolExpr}, bit-vectors {@link BitVecExpr}. Operations on
 * constants are folded here, so the many branches the pipeline builds for tables that do not apply to a packet
 * (conditions known to be false) never reach the solver, and trace explanations can read constant results.
 */
final class Z3Algebra implements SymbolicAlgebra<BoolExpr, BitVecExpr> {

    private final Context context;
    private final Z3Arena arena;
    private final BoolExpr trueTerm;
    private final BoolExpr falseTerm;
    private final Map<String, Expr<?>> variables = new LinkedHashMap<>();

    Z3Algebra(Context context, Z3Arena arena) {
        this.context = context;
        this.arena = arena;
        this.trueTerm = keep(context.mkTrue());
        this.falseTerm = keep(context.mkFalse());
    }

    private <T> T keep(T term) {
        return arena.keep(term);
    }

    /** Every fresh variable by name, in creation order: what a witness reports. */
    Map<String, Expr<?>> variables() {
        return Collections.unmodifiableMap(variables);
    }

    @Override
    public BitVecExpr freshBits(String name, int width) {
        BitVecExpr variable = keep(context.mkBVConst(name, width));
        register(name, variable);
        return variable;
    }

    @Override
    public BoolExpr freshBool(String name) {
        BoolExpr variable = keep(context.mkBoolConst(name));
        register(name, variable);
        return variable;
    }

    private void register(String name, Expr<?> variable) {
        Expr<?> earlier = variables.putIfAbsent(name, variable);
        if (earlier != null && !earlier.equals(variable)) {
            throw new IllegalArgumentException("fresh variable " + name + " already exists with another sort");
        }
    }

    @Override
    public BoolExpr bool(boolean value) {
        return value ? trueTerm : falseTerm;
    }

    @Override
    public BitVecExpr bits(BigInteger value, int width) {
        if (value.signum() < 0 || value.bitLength() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " unsigned bits");
        }
        // the long overload avoids formatting and parsing a decimal string for every constant
        return keep(
                value.bitLength() < Long.SIZE
                        ? context.mkBV(value.longValue(), width)
                        : context.mkBV(value.toString(), width));
    }

    @Override
    public BoolExpr and(BoolExpr left, BoolExpr right) {
        if (left.isFalse() || right.isFalse()) return falseTerm;
        if (left.isTrue()) return right;
        if (right.isTrue() || left.equals(right)) return left;
        return keep(context.mkAnd(left, right));
    }

    @Override
    public BoolExpr or(BoolExpr left, BoolExpr right) {
        if (left.isTrue() || right.isTrue()) return trueTerm;
        if (left.isFalse()) return right;
        if (right.isFalse() || left.equals(right)) return left;
        return keep(context.mkOr(left, right));
    }

    @Override
    public BoolExpr not(BoolExpr operand) {
        if (operand.isTrue()) return falseTerm;
        if (operand.isFalse()) return trueTerm;
        return keep(context.mkNot(operand));
    }

    @Override
    public BoolExpr ifBool(BoolExpr condition, BoolExpr then, BoolExpr otherwise) {
        if (condition.isTrue() || then.equals(otherwise)) return then;
        if (condition.isFalse()) return otherwise;
        return keep((BoolExpr) context.mkITE(condition, then, otherwise));
    }

    @Override
    public BitVecExpr ifBits(BoolExpr condition, BitVecExpr then, BitVecExpr otherwise) {
        requireSameWidth(then, otherwise);
        if (condition.isTrue() || then.equals(otherwise)) return then;
        if (condition.isFalse()) return otherwise;
        return keep((BitVecExpr) context.mkITE(condition, then, otherwise));
    }

    @Override
    public BoolExpr eq(BitVecExpr left, BitVecExpr right) {
        requireSameWidth(left, right);
        if (left instanceof BitVecNum a && right instanceof BitVecNum b)
            return bool(a.getBigInteger().equals(b.getBigInteger()));
        if (left.equals(right)) return trueTerm;
        return keep(context.mkEq(left, right));
    }

    @Override
    public BoolExpr ule(BitVecExpr left, BitVecExpr right) {
        requireSameWidth(left, right);
        if (left instanceof BitVecNum a && right instanceof BitVecNum b) {
            return bool(a.getBigInteger().compareTo(b.getBigInteger()) <= 0);
        }
        if (left.equals(right)) return trueTerm;
        return keep(context.mkBVULE(left, right));
    }

    @Override
    public BitVecExpr bitAnd(BitVecExpr left, BitVecExpr right) {
        requireSameWidth(left, right);
        if (left instanceof BitVecNum a && right instanceof BitVecNum b) {
            return bits(a.getBigInteger().and(b.getBigInteger()), left.getSortSize());
        }
        return keep(context.mkBVAND(left, right));
    }

    @Override
    public BitVecExpr bitOr(BitVecExpr left, BitVecExpr right) {
        requireSameWidth(left, right);
        if (left instanceof BitVecNum a && right instanceof BitVecNum b) {
            return bits(a.getBigInteger().or(b.getBigInteger()), left.getSortSize());
        }
        return keep(context.mkBVOR(left, right));
    }

    @Override
    public BigInteger valueOf(BitVecExpr term) {
        return term instanceof BitVecNum number ? number.getBigInteger() : null;
    }

    @Override
    public Boolean truthOf(BoolExpr term) {
        if (term.isTrue()) return Boolean.TRUE;
        if (term.isFalse()) return Boolean.FALSE;
        return null;
    }

    // Z3 itself would fail with a native error far from the cause; the concrete algebra checks widths the same way
    private static void requireSameWidth(BitVecExpr left, BitVecExpr right) {
        if (left.getSortSize() != right.getSortSize()) {
            throw new IllegalArgumentException(
                    "bit-vector widths differ: " + left.getSortSize() + " and " + right.getSortSize());
        }
    }
}
