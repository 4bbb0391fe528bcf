package org.vpnlint.oracle.ike;

import java.util.List;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.EspProposal;
import org.vpnlint.model.IkeProposal;

/**
 * IKEv2 pairs without NAT whose first CHILD_SA is the point: selectors mirrored, narrowed on either side,
 * disjoint, and ESP proposals without a common one. The left router initiates, the right one responds.
 */
final class ChildSaScenarios {

    private static final IkeProposal IKE = new IkeProposal(1, "aes256", "sha256", "14", null);
    private static final EspProposal ESP = new EspProposal(1, "aes256", "sha256");

    private ChildSaScenarios() {}

    static List<PairScenario> all() {
        return List.of(
                pair("child-mirrored", "192.168.10.0/24", "10.10.10.0/24", "10.10.10.0/24", "192.168.10.0/24", ESP),
                pair(
                        "child-responder-local-narrower",
                        "192.168.10.0/24",
                        "10.10.10.0/24",
                        "10.10.10.0/25",
                        "192.168.10.0/24",
                        ESP),
                pair(
                        "child-initiator-local-wider",
                        "192.168.0.0/16",
                        "10.10.10.0/24",
                        "10.10.10.0/24",
                        "192.168.10.0/24",
                        ESP),
                pair(
                        "child-responder-remote-wider",
                        "192.168.10.0/24",
                        "10.10.10.0/24",
                        "10.10.0.0/16",
                        "192.168.0.0/16",
                        ESP),
                pair("child-disjoint", "192.168.10.0/24", "10.10.20.0/24", "10.10.10.0/24", "192.168.10.0/24", ESP),
                pair(
                        "child-esp-mismatch",
                        "192.168.10.0/24",
                        "10.10.10.0/24",
                        "10.10.10.0/24",
                        "192.168.10.0/24",
                        new EspProposal(1, "aes128", "sha1")));
    }

    private static PairScenario pair(
            String name,
            String leftLocal,
            String leftRemote,
            String rightLocal,
            String rightRemote,
            EspProposal rightEsp) {
        SideSpec left = new SideSpec(
                Dialect.VYOS_1_4,
                "right",
                TopologyPlan.RIGHT_PUBLIC,
                TopologyPlan.LEFT_PUBLIC,
                null,
                null,
                ConnectionType.INITIATE,
                2,
                IKE,
                ESP,
                null,
                "child-secret",
                List.of(TopologyPlan.LEFT_PUBLIC, TopologyPlan.RIGHT_PUBLIC),
                leftLocal,
                leftRemote);
        SideSpec right = new SideSpec(
                Dialect.VYOS_1_4,
                "left",
                TopologyPlan.LEFT_PUBLIC,
                TopologyPlan.RIGHT_PUBLIC,
                null,
                null,
                ConnectionType.RESPOND,
                2,
                IKE,
                rightEsp,
                null,
                "child-secret",
                List.of(TopologyPlan.LEFT_PUBLIC, TopologyPlan.RIGHT_PUBLIC),
                rightLocal,
                rightRemote);
        return new PairScenario(name, NatKind.NONE, NatKind.NONE, left, right, false);
    }
}
