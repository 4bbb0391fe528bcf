package org.vpnlint.oracle.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.diff.ChangeImpact;
import org.vpnlint.checks.diff.FateDifference;
import org.vpnlint.checks.diff.Fates;
import org.vpnlint.checks.diff.RouterImpact;
import org.vpnlint.checks.diff.RouterVersion;
import org.vpnlint.checks.diff.SaMode;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Router;
import org.vpnlint.oracle.KernelAccess;
import org.vpnlint.oracle.KernelOracle;
import org.vpnlint.solver.Z3Solver;

/**
 * {@code vpnlint diff}'s analysis ({@link ChangeImpact}) against the real kernel. {@value #PAIRS} router pairs
 * ({@link ChangePairs}: a generated configuration and one {@link ConfigChange} of it) are compared as {@code diff}
 * compares them (SA up and down); then
 * <ul>
 *   <li>each reported difference's witness is sent through the kernel configured as the old and as the new
 *       version ({@link ChangeReplay}): each kernel must do what the difference says that version does;</li>
 *   <li>each pair proved unchanged gets sample packets (its generated probe and the witnesses of other pairs):
 *       the model's replays on both versions must have the same fate, each kernel must agree with its version's
 *       replay, and the two kernels must do the same with the packet ({@link KernelFate});</li>
 *   <li>a renumbering that keeps the order of the rules must be proved unchanged.</li>
 * </ul>
 * Packets the kernel replay cannot show (decrypted ingress, ESP, a GRE interface, a hairpin) are counted and skipped;
 * too few replayed packets fail the test, so that a broken generator or renderer cannot make it pass. The tally line
 * is {@code change replay: ...}; the report of each disagreement is printed in full.
 */
@Tag("kernel")
class ChangeReplayDifferentialTest {

    static final long SEED = 20261205L;
    static final int PAIRS = 30;
    /** The sample packets of each pair proved unchanged: its probe and witnesses of other pairs. */
    static final int SAMPLES_PER_PAIR = 5;
    /** Below these the test proves too little: the pairs or the renderer went wrong. */
    static final int MIN_WITNESSES = 10;

    static final int MIN_SAMPLES = 20;
    /** Fresh echo identifiers, apart from the generator's (1000 + case index). */
    private static final int FIRST_ICMP_IDENTIFIER = 40000;

    private static KernelOracle oldKernel;
    private static KernelOracle newKernel;
    private static Z3Solver solver;
    private int icmpIdentifier = FIRST_ICMP_IDENTIFIER;

    @BeforeAll
    static void start() {
        KernelAccess.assumeAvailable();
        oldKernel = new KernelOracle();
        newKernel = new KernelOracle();
        solver = new Z3Solver();
    }

    @AfterAll
    static void stop() {
        if (oldKernel != null) oldKernel.close();
        if (newKernel != null) newKernel.close();
        if (solver != null) solver.close();
    }

    /** A pair with what {@code diff} found. */
    private record Compared(ChangePairs.ChangedRouter pair, RouterImpact impact) {}

    @Test
    void reportedDifferencesAndProvedEqualitiesHoldInTheKernel() {
        long started = System.nanoTime();
        ChangePairs pairs = new ChangePairs(SEED);
        List<Compared> compared = new ArrayList<>();
        for (int index = 1; index <= PAIRS; index++) {
            ChangePairs.ChangedRouter pair = pairs.next(index);
            compared.add(new Compared(pair, ChangeImpact.compare(solver, pair.before(), pair.after(), SaMode.BOTH)));
        }
        List<PacketTrace> witnesses = new ArrayList<>();
        for (Compared each : compared) {
            for (FateDifference difference : each.impact().differences()) {
                // a packet decrypted by another router's tunnel has no ingress on this one
                if (difference.before().packet().ingress().kind() != Ingress.Kind.DECRYPTED)
                    witnesses.add(difference.before());
            }
        }

        ChangeReplay replay = new ChangeReplay(oldKernel, newKernel);
        List<String> disagreements = new ArrayList<>();
        Set<ConfigChange> kindsWithWitnesses = EnumSet.noneOf(ConfigChange.class);
        int witnessesReplayed = 0;
        int samplesReplayed = 0;
        int skipped = 0;
        int unchanged = 0;
        int undecided = 0;
        for (Compared each : compared) {
            ChangePairs.ChangedRouter pair = each.pair();
            RouterImpact impact = each.impact();
            System.out.println("change replay: " + pair.name() + ": "
                    + impact.differences().size() + " differences"
                    + (impact.proved() ? ", proved" : ", undecided " + impact.notes()));
            if (!impact.proved()) undecided++;
            if (pair.change() == ConfigChange.RULES_RENUMBERED && !impact.provedUnchanged()) {
                disagreements.add(pair.name() + ": renumbering in the same order is not proved unchanged: "
                        + impact.differences().stream()
                                .map(FateDifference::message)
                                .toList() + impact.notes());
            }
            for (FateDifference difference : impact.differences()) {
                try {
                    ChangeReplay.BothVersions result =
                            replay.replay(pair, difference.before(), difference.after(), nextIcmpIdentifier());
                    witnessesReplayed++;
                    kindsWithWitnesses.add(pair.change());
                    System.out.println("  witness " + (result.agrees() ? "AGREE    " : "DISAGREE ")
                            + difference.before().packet() + " (" + difference.saState() + "): "
                            + summary(result));
                    if (!result.agrees()) {
                        System.out.println(result.report());
                        disagreements.add(
                                pair.name() + ": witness " + difference.before().packet() + ": "
                                        + result.before().differences() + " / "
                                        + result.after().differences());
                    }
                } catch (UnsupportedCase notReplayable) {
                    skipped++;
                    System.out.println(
                            "  witness skipped " + difference.before().packet() + ": " + notReplayable.getMessage());
                }
            }
            if (!impact.provedUnchanged()) continue;
            unchanged++;
            for (PacketTrace sample : samples(pair, witnesses)) {
                if (!arrivesOn(pair, sample)) continue; // a witness of a router with another interface (tun0)
                SaStates states = statesOn(pair, sample.saStates());
                PacketTrace before = Datapath.replay(pair.before().router(), sample.packet(), states);
                PacketTrace after = Datapath.replay(pair.after().router(), sample.packet(), states);
                if (!Fates.same(before, after)) {
                    disagreements.add(pair.name() + ": proved unchanged, but " + sample.packet() + " ("
                            + states.describe() + ") replays as " + VerdictCorrespondence.modelVerdict(before)
                            + " before and " + VerdictCorrespondence.modelVerdict(after) + " after");
                    continue;
                }
                try {
                    ChangeReplay.BothVersions result = replay.replay(pair, before, after, nextIcmpIdentifier());
                    samplesReplayed++;
                    boolean sameInKernel =
                            result.agrees() && KernelFate.of(result.before()).equals(KernelFate.of(result.after()));
                    System.out.println("  sample  " + (sameInKernel ? "AGREE    " : "DISAGREE ") + sample.packet()
                            + ": " + summary(result));
                    if (!result.agrees()) {
                        System.out.println(result.report());
                        disagreements.add(pair.name() + ": sample " + sample.packet() + ": "
                                + result.before().differences() + " / "
                                + result.after().differences());
                    } else if (!sameInKernel) {
                        disagreements.add(pair.name() + ": proved unchanged, but the kernels differ on "
                                + sample.packet() + ": " + KernelFate.of(result.before()) + " before, "
                                + KernelFate.of(result.after()) + " after");
                    }
                } catch (UnsupportedCase notReplayable) {
                    skipped++;
                }
            }
        }
        System.out.printf(
                "change replay: %d pairs (%d proved unchanged, %d undecided), %d witnesses and %d samples replayed"
                        + " on both versions, %d packets not replayable, %d disagreements (%.1f s)%n",
                PAIRS,
                unchanged,
                undecided,
                witnessesReplayed,
                samplesReplayed,
                skipped,
                disagreements.size(),
                (System.nanoTime() - started) / 1e9);
        assertEquals(List.of(), disagreements);
        assertTrue(witnessesReplayed >= MIN_WITNESSES, "too few witnesses replayed: " + witnessesReplayed);
        assertTrue(samplesReplayed >= MIN_SAMPLES, "too few samples replayed: " + samplesReplayed);
        EnumSet<ConfigChange> withEffect = EnumSet.complementOf(EnumSet.of(ConfigChange.RULES_RENUMBERED));
        assertEquals(withEffect, kindsWithWitnesses, "every kind of change with an effect has a replayed witness");
    }

    /**
     * Removing the tunnel's exemption from a two-WAN load balancer (VyOS {@code load-balancing wan rule 5 exclude},
     * EdgeOS {@code modify table main}) from a router with main's blackhole for the remote prefix: the WAN choice is
     * an input of both versions, so diff must report the tunnel's connections balanced to eth2 leaking there while
     * the SA is down (the exemption kept them on main, where the blackhole drops them), and each witness, balanced
     * to its WAN, must do in the two kernels what the difference says. With the SA up removing the exemption
     * changes nothing for the tunnel's traffic (the SA's bundle leaves by eth0 whatever table routed it,
     * docs/semantics/wan-load-balancing.md), and the stand-in could not show it anyway: SA down only.
     */
    /** Main's blackhole for the tunnel's remote prefix, the usual guard while the SA is down (both dialects). */
    private static final String BLACKHOLE = "set protocols static route 10.10.10.0/24 blackhole distance '254'\n";

    @Test
    void removingALoadBalancerExemptionChangesInTheKernelAsDiffSays() {
        List<String> disagreements = new ArrayList<>();
        List<String> leaksByTheSecondWan = new ArrayList<>();
        int replayed = 0;
        ChangeReplay replay = new ChangeReplay(oldKernel, newKernel);
        record Change(String name, String before, String after, Dialect dialect) {}
        List<Change> changes = List.of(
                new Change(
                        "VyOS: load-balancing wan rule 5 exclude removed",
                        TwoWanLoadBalancingCases.VYOS_EXCLUDED + BLACKHOLE,
                        TwoWanLoadBalancingCases.VYOS_MASQUERADE_ON_ETH2 + BLACKHOLE,
                        Dialect.VYOS_1_4),
                new Change(
                        "EdgeOS: modify table main removed",
                        TwoWanLoadBalancingCases.EDGEOS_EXEMPTED + BLACKHOLE,
                        TwoWanLoadBalancingCases.EDGEOS + BLACKHOLE,
                        Dialect.EDGEOS));
        for (Change change : changes) {
            RouterVersion before = ConfigText.version("before.set", change.before(), change.dialect());
            RouterVersion after = ConfigText.version("after.set", change.after(), change.dialect());
            RouterImpact impact = ChangeImpact.compare(solver, before, after, SaMode.DOWN);
            System.out.println("change replay: " + change.name() + ": "
                    + impact.differences().size() + " differences"
                    + (impact.proved() ? ", proved" : ", undecided " + impact.notes()));
            for (FateDifference difference : impact.differences()) {
                if (difference.after().verdict() == Verdict.CLEARTEXT
                        && "eth2".equals(difference.after().egress())
                        && difference.before().verdict() != Verdict.CLEARTEXT) {
                    leaksByTheSecondWan.add(change.name());
                }
                try {
                    ChangeReplay.BothVersions result = replay.replay(
                            change.name(),
                            new ConfigText.Version(change.before(), before.router()),
                            new ConfigText.Version(change.after(), after.router()),
                            difference.before(),
                            difference.after(),
                            nextIcmpIdentifier());
                    replayed++;
                    System.out.println("  witness " + (result.agrees() ? "AGREE    " : "DISAGREE ")
                            + difference.before().packet() + " (" + difference.saState() + "): " + summary(result));
                    if (!result.agrees()) {
                        System.out.println(result.report());
                        disagreements.add(change.name() + ": witness "
                                + difference.before().packet() + ": "
                                + result.before().differences() + " / "
                                + result.after().differences());
                    }
                } catch (UnsupportedCase notReplayable) {
                    System.out.println(
                            "  witness skipped " + difference.before().packet() + ": " + notReplayable.getMessage());
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(
                changes.stream().map(Change::name).toList(),
                leaksByTheSecondWan.stream().distinct().toList(),
                "each change leaks the tunnel's traffic by eth2");
        assertTrue(replayed >= 4, "too few witnesses replayed: " + replayed);
    }

    /** The pair's own probe (with its SA states), then witnesses of other pairs, spread over the list. */
    private static List<PacketTrace> samples(ChangePairs.ChangedRouter pair, List<PacketTrace> witnesses) {
        List<PacketTrace> samples = new ArrayList<>();
        DifferentialCase base = pair.base();
        samples.add(Datapath.replay(pair.before().router(), base.packet(), base.saStates()));
        if (witnesses.isEmpty()) return samples;
        int step = Math.max(1, witnesses.size() / (SAMPLES_PER_PAIR - 1));
        int start = Math.floorMod(pair.name().hashCode(), witnesses.size());
        for (int i = 0; i < SAMPLES_PER_PAIR - 1 && i < witnesses.size(); i++) {
            samples.add(witnesses.get((start + i * step) % witnesses.size()));
        }
        return samples;
    }

    /** The sample's ingress exists on both versions: the router itself, or an interface both have. */
    private static boolean arrivesOn(ChangePairs.ChangedRouter pair, PacketTrace sample) {
        Ingress ingress = sample.packet().ingress();
        if (ingress.kind() != Ingress.Kind.INTERFACE) return ingress.kind() == Ingress.Kind.LOCAL;
        return List.of(pair.before().router(), pair.after().router()).stream()
                .allMatch(router ->
                        router.interfaces().stream().anyMatch(i -> i.name().equals(ingress.interfaceName())));
    }

    /** The sample's SA states on the tunnels of this pair (a witness of another pair may name tunnels it lacks). */
    private static SaStates statesOn(ChangePairs.ChangedRouter pair, SaStates states) {
        SaStates fitted = states.defaultUp() ? SaStates.allUp() : SaStates.allDown();
        for (Router router : List.of(pair.before().router(), pair.after().router())) {
            for (CompiledTunnel tunnel :
                    CompiledRouter.compile(router, AddressFamily.IPV4).tunnels()) {
                fitted = fitted.with(tunnel.ref(), states.isUp(tunnel.ref()));
            }
        }
        return fitted;
    }

    private static String summary(ChangeReplay.BothVersions result) {
        return "old: " + result.before().summary() + " || new: "
                + result.after().summary();
    }

    private int nextIcmpIdentifier() {
        return icmpIdentifier++;
    }
}
