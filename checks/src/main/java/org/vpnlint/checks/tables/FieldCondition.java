package org.vpnlint.checks.tables;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * What one rule asks of one packet field, as written: a value in one of {@code spans} (inclusive), or, negated, a
 * value in none of them. A field the rule says nothing about is {@link #ANY} (no spans, negated).
 */
record FieldCondition(List<Span> spans, boolean negated) {

    record Span(BigInteger low, BigInteger high) {}

    static final FieldCondition ANY = new FieldCondition(List.of(), true);

    FieldCondition {
        spans = List.copyOf(spans);
    }

    static FieldCondition between(long low, long high) {
        return new FieldCondition(List.of(new Span(BigInteger.valueOf(low), BigInteger.valueOf(high))), false);
    }

    static FieldCondition oneOf(Collection<Integer> values, boolean negated) {
        return new FieldCondition(
                values.stream()
                        .map(value -> new Span(BigInteger.valueOf(value), BigInteger.valueOf(value)))
                        .toList(),
                negated);
    }

    /** Where the condition's answer can change: the first value of each span and the one after its last. */
    void addCuts(Collection<BigInteger> cuts) {
        for (Span span : spans) {
            cuts.add(span.low());
            cuts.add(span.high().add(BigInteger.ONE));
        }
    }
}
