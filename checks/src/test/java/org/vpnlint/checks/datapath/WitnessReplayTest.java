package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vpnlint.checks.ReplayDisagreement;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Dialect;

/** A witness the concrete datapath does not confirm is an internal error, never a finding. */
class WitnessReplayTest {

    private record Encrypted() implements PacketGoal {
        @Override
        public <B, V> B on(
                HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome) {
            return outcome.verdictIs(a, Verdict.ENCRYPTED);
        }
    }

    @Test
    void aWitnessThatDoesNotMeetTheGoalOnReplayIsADisagreement() {
        var router = RuleCheck.wholeRouter(
                "r.set", BranchOffice.script(BranchOffice.BRANCH_1_2, BranchOffice.ARTICLE_TUNNEL), Dialect.VYOS_1_2);
        CompiledRouter compiled = CompiledRouter.compile(router, AddressFamily.IPV4);
        // to the Internet, not into the tunnel: cleartext, so "encrypted" does not hold
        var found = new Answer.Found(
                ConcretePacket.tcp("192.168.10.100", 1024, "198.51.100.7", 443, Ingress.onInterface("eth1")),
                SaStates.allUp());

        ReplayDisagreement disagreement = assertThrows(
                ReplayDisagreement.class,
                () -> WitnessReplay.confirm(compiled, found, new Encrypted(), "test question"));

        assertTrue(disagreement.getMessage().contains("test question"), disagreement.getMessage());
        assertTrue(disagreement.getMessage().contains("198.51.100.7"), disagreement.getMessage());
    }

    @Test
    void aWitnessThatMeetsTheGoalIsConfirmedWithItsTrace() {
        var router = RuleCheck.wholeRouter(
                "r.set", BranchOffice.script(BranchOffice.BRANCH_1_2, BranchOffice.ARTICLE_TUNNEL), Dialect.VYOS_1_2);
        CompiledRouter compiled = CompiledRouter.compile(router, AddressFamily.IPV4);
        var found = new Answer.Found(
                ConcretePacket.tcp("192.168.10.100", 1024, "10.10.10.200", 22, Ingress.onInterface("eth1")),
                SaStates.allUp());

        var trace = WitnessReplay.confirm(compiled, found, new Encrypted(), "test question");

        assertTrue(trace.verdict() == Verdict.ENCRYPTED);
    }
}
