package org.vpnlint.solver;

import org.vpnlint.datapath.HeaderAlgebra;

/** The header algebra over solver terms, plus fresh variables to build a symbolic packet from. */
public interface SymbolicAlgebra<B, V> extends HeaderAlgebra<B, V> {

    V freshBits(String name, int width);

    B freshBool(String name);
}
