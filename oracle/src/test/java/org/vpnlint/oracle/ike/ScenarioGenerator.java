package org.vpnlint.oracle.ike;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.EspProposal;
import org.vpnlint.model.IkeProposal;

/**
 * Random but reproducible pairs (seeded): dialects 1.3/1.4, NAT kinds, IKE versions, proposals, PSK equal or
 * not, identities (none, FQDN, public or private address, wrong), local-address (own, any, the NAT's public
 * address), connection types, PSK id lists and selectors. The left router plays the branch (possibly behind
 * 1:1 or masquerading NAT), the right one the head office (public or behind 1:1 NAT).
 */
final class ScenarioGenerator {

    private static final List<IkeProposal> IKE = List.of(
            new IkeProposal(1, "aes128", "sha1", "2", null),
            new IkeProposal(1, "aes256", "sha256", "14", null),
            new IkeProposal(1, "aes128", "sha256", "14", null));
    private static final List<EspProposal> ESP =
            List.of(new EspProposal(1, "aes128", "sha1"), new EspProposal(1, "aes256", "sha256"));

    private final Random random;

    ScenarioGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<PairScenario> generate(int count) {
        List<PairScenario> scenarios = new ArrayList<>();
        for (int i = 0; i < count; i++) scenarios.add(next("generated-" + i));
        return scenarios;
    }

    private PairScenario next(String name) {
        NatKind leftNat = pick(NatKind.NONE, NatKind.ONE_TO_ONE, NatKind.ONE_TO_ONE, NatKind.MASQUERADE);
        NatKind rightNat = chance(0.3) ? NatKind.ONE_TO_ONE : NatKind.NONE;
        TopologyPlan plan = new TopologyPlan(leftNat, rightNat);
        Dialect leftDialect = chance(0.5) ? Dialect.VYOS_1_3 : Dialect.VYOS_1_4;
        Dialect rightDialect = chance(0.5) ? Dialect.VYOS_1_3 : Dialect.VYOS_1_4;
        Integer version = pick(1, 2, null);
        Integer leftVersion = chance(0.1) ? pick(1, 2, null) : version;
        Integer rightVersion = chance(0.1) ? pick(1, 2, null) : version;
        IkeProposal ike = IKE.get(random.nextInt(IKE.size()));
        EspProposal esp = ESP.get(random.nextInt(ESP.size()));
        String secret = "generated-secret-" + random.nextInt(1000);
        String rightSecret = chance(0.85) ? secret : secret + "-other";

        String leftId = chance(0.5) ? "left.test" : null;
        String rightId = chance(0.3) ? "right.test" : null;
        // what the right side expects from the left, and the left from the right
        String rightExpects = leftId != null && chance(0.8)
                ? leftId
                : pick(null, null, TopologyPlan.LEFT_PUBLIC, plan.leftAddress(), "wrong.test");
        String leftExpects =
                rightId != null && chance(0.75) ? rightId : pick(null, null, TopologyPlan.RIGHT_PUBLIC, "wrong.test");

        String leftLocal = leftNat != NatKind.NONE && chance(0.06)
                ? TopologyPlan.LEFT_PUBLIC
                : chance(0.35) ? "any" : plan.leftAddress();
        String rightLocal = rightNat != NatKind.NONE && chance(0.06)
                ? TopologyPlan.RIGHT_PUBLIC
                : chance(0.3) ? "any" : plan.rightAddress();

        String leftPeerName = leftDialect.legacyIpsecSyntax() ? TopologyPlan.RIGHT_PUBLIC : "right";
        boolean rightNamesAddress = chance(0.7);
        String rightPeerName;
        String rightRemoteAddress = rightNamesAddress ? TopologyPlan.LEFT_PUBLIC : null;
        String rightRemoteId = rightExpects;
        if (rightDialect.legacyIpsecSyntax()) {
            if (rightNamesAddress) {
                rightPeerName = TopologyPlan.LEFT_PUBLIC;
            } else if (rightExpects != null && !Character.isDigit(rightExpects.charAt(0))) {
                rightPeerName = "@" + rightExpects;
                rightRemoteId = null;
            } else {
                rightPeerName = "0.0.0.0";
            }
        } else {
            rightPeerName = "left";
        }
        SideSpec left = new SideSpec(
                leftDialect,
                leftPeerName,
                TopologyPlan.RIGHT_PUBLIC,
                leftLocal,
                legacyId(leftDialect, leftId),
                legacyId(leftDialect, leftExpects),
                connectionType(),
                leftVersion,
                ike,
                chance(0.92) ? esp : ESP.get(1 - ESP.indexOf(esp)),
                pfs(),
                secret,
                pskIds(leftId, leftExpects, plan.leftAddress(), TopologyPlan.RIGHT_PUBLIC, plan.rightAddress()),
                "192.168.10.0/24",
                "10.10.10.0/24");
        SideSpec right = new SideSpec(
                rightDialect,
                rightPeerName,
                rightRemoteAddress,
                rightLocal,
                legacyId(rightDialect, rightId),
                legacyId(rightDialect, rightRemoteId),
                connectionType(),
                rightVersion,
                chance(0.9) ? ike : IKE.get(random.nextInt(IKE.size())),
                esp,
                pfs(),
                rightSecret,
                pskIds(rightId, rightExpects, plan.rightAddress(), TopologyPlan.LEFT_PUBLIC, plan.leftAddress()),
                "10.10.10.0/24",
                pick("192.168.10.0/24", "192.168.10.0/24", "192.168.10.0/24", "192.168.0.0/16", "192.168.20.0/24"));
        return new PairScenario(name, leftNat, rightNat, left, right, chance(0.5));
    }

    /** 1.2/1.3 need '@' before an FQDN id (an address stays as it is). */
    private static String legacyId(Dialect dialect, String id) {
        if (id == null || !dialect.legacyIpsecSyntax() || Character.isDigit(id.charAt(0))) return id;
        return "@" + id;
    }

    private List<String> pskIds(
            String ownId, String expected, String ownAddress, String otherPublic, String otherPrivate) {
        List<String> candidates = new ArrayList<>();
        if (ownId != null) candidates.add(ownId);
        if (expected != null) candidates.add(expected);
        candidates.add(ownAddress);
        candidates.add(otherPublic);
        candidates.add(otherPrivate);
        candidates.add("%any");
        List<String> ids = new ArrayList<>();
        for (String candidate : candidates) {
            if (!ids.contains(candidate) && chance(candidate.equals("%any") ? 0.1 : 0.5)) ids.add(candidate);
        }
        if (ids.isEmpty()) ids.add(otherPublic);
        return ids;
    }

    private ConnectionType connectionType() {
        return pick(
                null,
                null,
                ConnectionType.INITIATE,
                ConnectionType.RESPOND,
                ConnectionType.RESPOND,
                ConnectionType.NONE);
    }

    private String pfs() {
        return pick(null, null, "disable", "dh-group14");
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
