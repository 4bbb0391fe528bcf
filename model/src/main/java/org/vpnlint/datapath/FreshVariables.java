package org.vpnlint.datapath;

/**
 * A source of unconstrained variables (Z3 constants in module solver), so that the model can build a symbolic
 * packet without depending on the solver: pass {@code algebra::freshBits, algebra::freshBool}.
 */
public interface FreshVariables<B, V> {

    V bits(String name, int width);

    B bool(String name);

    static <B, V> FreshVariables<B, V> of(
            java.util.function.BiFunction<String, Integer, V> bits, java.util.function.Function<String, B> bool) {
        return new FreshVariables<>() {
            @Override
            public V bits(String name, int width) {
                return bits.apply(name, width);
            }

            @Override
            public B bool(String name) {
                return bool.apply(name);
            }
        };
    }
}
