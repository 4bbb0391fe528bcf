package org.vpnlint.checks.datapath;

import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;

/**
 * What a rule asks of a packet, as a condition on the pipeline's input and outcome terms, written once over the
 * header algebra (so the same goal can be checked on a concrete replay).
 */
interface PacketGoal {

    <B, V> B on(HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome);
}
