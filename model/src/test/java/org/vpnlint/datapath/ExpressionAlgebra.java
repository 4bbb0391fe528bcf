package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A symbolic stand-in for the Z3 algebra: builds hash-consed expression DAGs over named variables without
 * folding anything, so the pipeline cannot tell it from a solver. {@link #evaluate} gives a term's value under an
 * assignment, which lets tests compare the symbolic and the concrete run; {@link #size} counts distinct nodes,
 * which bounds what Z3 would be given.
 */
final class ExpressionAlgebra implements HeaderAlgebra<ExpressionAlgebra.Node, ExpressionAlgebra.Node> {

    enum Op {
        CONST,
        VAR,
        AND,
        OR,
        NOT,
        ITE,
        EQ,
        ULE,
        BITAND,
        BITOR
    }

    /** A node; booleans have width 0 and constants 0/1. Children always exist before their parents (smaller id). */
    static final class Node {
        final int id;
        final Op op;
        final int width;
        final BigInteger value;
        final String name;
        final Node[] args;

        private Node(int id, Op op, int width, BigInteger value, String name, Node[] args) {
            this.id = id;
            this.op = op;
            this.width = width;
            this.value = value;
            this.name = name;
            this.args = args;
        }
    }

    private record Key(Op op, int width, BigInteger value, String name, List<Integer> args) {}

    private final List<Node> nodes = new ArrayList<>();
    private final Map<Key, Node> table = new HashMap<>();

    Node variable(String name, int width) {
        return node(Op.VAR, width, null, name);
    }

    Node booleanVariable(String name) {
        return node(Op.VAR, 0, null, name);
    }

    int size() {
        return nodes.size();
    }

    @Override
    public Node bool(boolean value) {
        return node(Op.CONST, 0, value ? BigInteger.ONE : BigInteger.ZERO, null);
    }

    @Override
    public Node bits(BigInteger value, int width) {
        if (value.signum() < 0 || value.bitLength() > width) throw new IllegalArgumentException(value + " in " + width);
        return node(Op.CONST, width, value, null);
    }

    @Override
    public Node and(Node left, Node right) {
        return node(Op.AND, 0, null, null, bool(left), bool(right));
    }

    @Override
    public Node or(Node left, Node right) {
        return node(Op.OR, 0, null, null, bool(left), bool(right));
    }

    @Override
    public Node not(Node operand) {
        return node(Op.NOT, 0, null, null, bool(operand));
    }

    @Override
    public Node ifBool(Node condition, Node then, Node otherwise) {
        return node(Op.ITE, 0, null, null, bool(condition), bool(then), bool(otherwise));
    }

    @Override
    public Node ifBits(Node condition, Node then, Node otherwise) {
        return node(Op.ITE, same(then, otherwise), null, null, bool(condition), then, otherwise);
    }

    @Override
    public Node eq(Node left, Node right) {
        same(left, right);
        return node(Op.EQ, 0, null, null, left, right);
    }

    @Override
    public Node ule(Node left, Node right) {
        same(left, right);
        return node(Op.ULE, 0, null, null, left, right);
    }

    @Override
    public Node bitAnd(Node left, Node right) {
        return node(Op.BITAND, same(left, right), null, null, left, right);
    }

    @Override
    public Node bitOr(Node left, Node right) {
        return node(Op.BITOR, same(left, right), null, null, left, right);
    }

    @Override
    public BigInteger valueOf(Node term) {
        return term.op == Op.CONST ? term.value : null;
    }

    @Override
    public Boolean truthOf(Node term) {
        return term.op == Op.CONST ? term.value.signum() != 0 : null;
    }

    /** The value of a term under the assignment (booleans as 0/1). */
    BigInteger evaluate(Node root, Map<String, BigInteger> assignment) {
        return evaluateAll(assignment)[root.id];
    }

    /** The value of every node under the assignment, indexed by node id: evaluate once, read many terms. */
    BigInteger[] evaluateAll(Map<String, BigInteger> assignment) {
        BigInteger[] values = new BigInteger[nodes.size()];
        for (int i = 0; i < values.length; i++) {
            Node n = nodes.get(i);
            values[i] = switch (n.op) {
                case CONST -> n.value;
                case VAR -> {
                    BigInteger value = assignment.get(n.name);
                    if (value == null) throw new IllegalArgumentException("unassigned " + n.name);
                    yield value;
                }
                case AND -> truth(values[n.args[0].id].signum() != 0 && values[n.args[1].id].signum() != 0);
                case OR -> truth(values[n.args[0].id].signum() != 0 || values[n.args[1].id].signum() != 0);
                case NOT -> truth(values[n.args[0].id].signum() == 0);
                case ITE -> values[n.args[0].id].signum() != 0 ? values[n.args[1].id] : values[n.args[2].id];
                case EQ -> truth(values[n.args[0].id].equals(values[n.args[1].id]));
                case ULE -> truth(values[n.args[0].id].compareTo(values[n.args[1].id]) <= 0);
                case BITAND -> values[n.args[0].id].and(values[n.args[1].id]);
                case BITOR -> values[n.args[0].id].or(values[n.args[1].id]);
            };
        }
        return values;
    }

    static BigInteger value(BigInteger[] values, Node term) {
        return values[term.id];
    }

    private static BigInteger truth(boolean value) {
        return value ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static Node bool(Node node) {
        if (node.width != 0) throw new IllegalArgumentException("boolean expected, got width " + node.width);
        return node;
    }

    private static int same(Node left, Node right) {
        if (left.width != right.width)
            throw new IllegalArgumentException("width mismatch " + left.width + " vs " + right.width);
        return left.width;
    }

    private Node node(Op op, int width, BigInteger value, String name, Node... args) {
        Key key = new Key(
                op, width, value, name, Arrays.stream(args).map(a -> a.id).toList());
        return table.computeIfAbsent(key, k -> {
            Node created = new Node(nodes.size(), op, width, value, name, args);
            nodes.add(created);
            return created;
        });
    }
}
