package org.vpnlint.oracle.ike;

import java.util.List;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.EspProposal;
import org.vpnlint.model.IkeProposal;

/**
 * The pairs from the seed articles ("IPsec between NATed peers", "IPsec behind 1:1 NAT"): one side NATed with
 * and without ids, both sides NATed with ids, local-address set to the NAT's public address, each in IKEv1 and
 * IKEv2, plus the 1.2/1.3 article configuration itself ({@code peer @foo} / {@code authentication id @foo}).
 */
final class ArticleScenarios {

    static final IkeProposal IKE = new IkeProposal(1, "aes128", "sha256", "14", null);
    static final EspProposal ESP = new EspProposal(1, "aes128", "sha256");
    private static final String L_PUB = TopologyPlan.LEFT_PUBLIC;
    private static final String R_PUB = TopologyPlan.RIGHT_PUBLIC;

    private ArticleScenarios() {}

    static List<PairScenario> all() {
        List<PairScenario> scenarios = new java.util.ArrayList<>();
        for (int version : List.of(1, 2)) {
            String v = "ikev" + version;
            // One side NATed, no ids: hq expects the branch's public address, the branch sends its private one.
            scenarios.add(new PairScenario(
                    "article-nated-no-ids-" + v,
                    NatKind.ONE_TO_ONE,
                    NatKind.NONE,
                    branch(version, "10.1.0.2", null, null, List.of(R_PUB, L_PUB)),
                    hq(version, L_PUB, null, L_PUB, List.of(L_PUB, R_PUB)),
                    true));
            // One side NATed with ids: branch sends @branch.test, hq accepts it; PSK ids contain it.
            scenarios.add(new PairScenario(
                    "article-nated-with-ids-" + v,
                    NatKind.ONE_TO_ONE,
                    NatKind.NONE,
                    branch(version, "any", "branch.test", null, List.of("branch.test", R_PUB)),
                    hq(version, L_PUB, null, "branch.test", List.of("branch.test")),
                    true));
            // Both NATed (1:1), with ids on both sides.
            scenarios.add(new PairScenario(
                    "article-both-nated-ids-" + v,
                    NatKind.ONE_TO_ONE,
                    NatKind.ONE_TO_ONE,
                    branch(version, "any", "branch.test", "hq.test", List.of("branch.test", "hq.test")),
                    hq(version, L_PUB, "hq.test", "branch.test", List.of("branch.test", "hq.test")),
                    true));
            // local-address set to the NAT's public address on the NATed side.
            scenarios.add(new PairScenario(
                    "article-local-address-public-" + v,
                    NatKind.ONE_TO_ONE,
                    NatKind.NONE,
                    branch(version, L_PUB, "branch.test", null, List.of("branch.test")),
                    hq(version, L_PUB, null, "branch.test", List.of("branch.test")),
                    true));
            // Masquerading branch without ids, hq accepting any identity: the PSK decides (by id v2, by address v1).
            scenarios.add(new PairScenario(
                    "article-masquerade-remote-any-" + v,
                    NatKind.MASQUERADE,
                    NatKind.NONE,
                    branch(version, "10.1.0.2", null, null, List.of(R_PUB)),
                    hq(version, null, null, null, List.of(L_PUB)),
                    true));
        }
        // The 1.2/1.3 article: non-NATed "peer @foo", NATed "authentication id @foo" + local-address any.
        scenarios.add(new PairScenario(
                "article-legacy-at-foo",
                NatKind.ONE_TO_ONE,
                NatKind.NONE,
                legacy(R_PUB, "any", "@foo", null, ConnectionType.INITIATE, "qwerty"),
                legacy("@foo", R_PUB, null, null, null, "qwerty"),
                false));
        // The same without the id: the NATed side's private address is sent, "peer @foo" rejects it.
        scenarios.add(new PairScenario(
                "article-legacy-without-id",
                NatKind.ONE_TO_ONE,
                NatKind.NONE,
                legacy(R_PUB, "any", null, null, ConnectionType.INITIATE, "qwerty"),
                legacy("@foo", R_PUB, null, null, null, "qwerty"),
                false));
        return scenarios;
    }

    private static SideSpec branch(
            int version, String localAddress, String localId, String remoteId, List<String> pskIds) {
        return new SideSpec(
                Dialect.VYOS_1_4,
                "hq",
                R_PUB,
                localAddress,
                localId,
                remoteId,
                ConnectionType.INITIATE,
                version,
                IKE,
                ESP,
                null,
                "article-secret",
                pskIds,
                "10.104.0.0/24",
                "10.103.0.0/24");
    }

    private static SideSpec hq(
            int version, String remoteAddress, String localId, String remoteId, List<String> pskIds) {
        return new SideSpec(
                Dialect.VYOS_1_4,
                "branch",
                remoteAddress,
                R_PUB,
                localId,
                remoteId,
                ConnectionType.RESPOND,
                version,
                IKE,
                ESP,
                null,
                "article-secret",
                pskIds,
                "10.103.0.0/24",
                "10.104.0.0/24");
    }

    private static SideSpec legacy(
            String peer, String localAddress, String id, String remoteId, ConnectionType type, String secret) {
        boolean nated = !localAddress.equals(R_PUB);
        return new SideSpec(
                Dialect.VYOS_1_3,
                peer,
                null,
                localAddress,
                id,
                remoteId,
                type,
                null,
                new IkeProposal(1, "aes128", "sha1", "2", null),
                new EspProposal(1, "aes128", "sha1"),
                null,
                secret,
                List.of(),
                nated ? "10.104.0.0/24" : "10.103.0.0/24",
                nated ? "10.103.0.0/24" : "10.104.0.0/24");
    }
}
