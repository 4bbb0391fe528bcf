package org.vpnlint.checks.tables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vpnlint.checks.UndecidedNote;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.ConcreteBits;
import org.vpnlint.solver.QueryResult;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.SymbolicQuery;

/**
 * Finds the rules of one chain that never act because earlier rules take every packet they would match. Each rule
 * and the possible packets at the hook are boxes ({@link RuleBox}); earlier rules whose boxes do not meet rule j's
 * are left out, and {@link ReachingPacket} looks for a packet that j matches and no earlier terminal rule does. When
 * there is one, j is reachable. Otherwise the solver is asked for such a packet; when there is none (UNSAT), j is
 * shadowed. Then it looks for the single earlier rule that covers j on its own, else names the earlier rules that
 * overlap j, and replays an example packet of j through the chain to show which rule takes it.
 *
 * <p>Only earlier rules read exactly (or narrower) count: a rule read wider (a condition vpnlint could not read was
 * dropped) may take fewer packets than it seems to, so it proves nothing. When such rules alone would make j dead,
 * the verdict is {@link Undecided}, naming what could not be read. Rule j itself may be read wider (a wider rule
 * that is dead is dead as written), not narrower. ICMP types and TCP flags ({@link org.vpnlint.model.DetailMatch}),
 * which the boxes do not carry, are compared rule against rule: an earlier rule counts only when its conditions
 * hold for every packet of j, and is left out when they hold for none.
 *
 * <p><b>Covered without the solver.</b> When the exact box search ({@link ReachingPacket}) finishes within its
 * budget without a packet, its answer is the solver's UNSAT, and the solver is not asked again. This is sound
 * because the boxes describe exactly the sets the solver's terms describe, on the same reading of the rules:
 * <ul>
 *   <li>each field's pieces ({@link PacketScales}) are cut at every bound any rule of the chain or the hook names,
 *       so all values of a piece agree on every condition, and a box of pieces is exactly the set of packets
 *       {@link ChainPacket#matches} accepts (same fields, same {@code !}, other-family ranges matching nothing,
 *       ports needing TCP or UDP, interfaces numbered by the same {@link InterfaceNames});</li>
 *   <li>the hook's boxes ({@link RuleConditions#possibleAt}) are exactly {@link ChainPacket#wellFormed} and
 *       {@link ChainPacket#at};</li>
 *   <li>ICMP types and TCP flags are in neither the boxes nor the solver's packet: both use only the earlier
 *       rules whose such conditions hold for every packet of j, filtered above before either is asked.</li>
 * </ul>
 * The search splits rule j's part of each hook box into sub-boxes until each lies inside one earlier box; finishing
 * with none left over is a proof that the earlier boxes' union holds j's possible packets. Which earlier rules it
 * may use is decided before it runs, as for the solver: for a verdict of shadowed only those read exactly or
 * narrower (a narrower-read rule matches at least its box as written, so it still takes those packets); rules read
 * wider (a dropped condition: they may take fewer packets than their box) are given to it only for the
 * {@link Undecided} note that names them, never for a shadowed verdict. A search that runs out of its budget proves
 * nothing, and the solver is asked as before. For the same reason the example packet of a shadowed rule is read
 * off its box ({@link BoxExample}, with the solver's readable-example wishes), not asked of the solver.
 */
final class ShadowedRules {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A chain to examine: its entries in evaluation order (disabled rules already left out). */
    record Chain(
            String name, ChainHook hook, AddressFamily family, List<ChainEntry> entries, InterfaceNames interfaces) {
        Chain {
            entries = List.copyOf(entries);
        }
    }

    /** A result for one rule: shadowed (with the rules that shadow it), or undecided within the solver's limits. */
    sealed interface Verdict {
        ChainEntry rule();
    }

    /**
     * @param covering the one earlier rule that matches everything this one would, else all earlier rules that
     *                 overlap it (together they cover it)
     * @param example  a packet this rule would match, and the earlier rule that takes it instead
     */
    record Shadowed(ChainEntry rule, List<ChainEntry> covering, RulePacket.Values example, ChainEntry takenBy)
            implements Verdict {
        Shadowed {
            covering = List.copyOf(covering);
        }

        boolean singleCause() {
            return covering.size() == 1;
        }
    }

    /** The rule's fate is open: the solver gave up, or a rule it depends on was not read exactly ({@code reason}). */
    record Undecided(ChainEntry rule, String reason, boolean solverGaveUp) implements Verdict {}

    private final Solver solver;
    private final String purpose;

    ShadowedRules(Solver solver, String purpose) {
        this.solver = solver;
        this.purpose = purpose;
    }

    /**
     * Examines a router's chains in order, handing each verdict on with its chain as soon as it is known
     * ({@code purpose} names the router's questions to the solver).
     */
    static void examineAll(Solver solver, String purpose, List<Chain> chains, BiConsumer<Chain, Verdict> verdicts) {
        ShadowedRules shadowed = new ShadowedRules(solver, purpose);
        for (Chain chain : chains) shadowed.examine(chain, verdict -> verdicts.accept(chain, verdict));
    }

    /** The solver only proves the rules no packet reaches: a chain of thousands of reachable rules needs none. */
    List<Verdict> examine(Chain chain) {
        List<Verdict> verdicts = new ArrayList<>();
        examine(chain, verdicts::add);
        return verdicts;
    }

    /**
     * As {@link #examine(Chain)}, handing each verdict on as soon as it is known, in rule order: a caller stopped by
     * its time budget keeps the verdicts of the rules examined before.
     */
    void examine(Chain chain, Consumer<Verdict> verdicts) {
        List<ChainEntry> entries = chain.entries();
        AddressSpans addresses = new AddressSpans(chain.family());
        List<RuleConditions> rules = entries.stream()
                .map(entry -> RuleConditions.of(entry, addresses, chain.interfaces()))
                .toList();
        List<RuleConditions> atHook = RuleConditions.possibleAt(chain.hook(), chain.interfaces());
        PacketScales scales = PacketScales.of(
                chain.family(), Stream.concat(rules.stream(), atHook.stream()).toList());
        List<RuleBox> boxes =
                rules.stream().map(conditions -> RuleBox.of(conditions, scales)).toList();
        List<RuleBox> possible = atHook.stream()
                .map(conditions -> RuleBox.of(conditions, scales))
                .toList();
        OverlapIndex overlaps = new OverlapIndex(boxes);
        Boxes all = new Boxes(boxes, possible, scales);
        for (int j = 1; j < entries.size(); j++) {
            ChainEntry rule = entries.get(j);
            if (!rule.configured() || rule.location() == null) continue; // inserted rules are not the user's to fix
            List<Integer> exact = new ArrayList<>();
            List<Integer> wider = new ArrayList<>();
            for (int i : overlaps.earlierMeeting(j)) {
                ChainEntry candidate = entries.get(i);
                if (!candidate.terminal() || candidate.details().disjoint(rule.details())) continue;
                // an earlier rule that takes only some of this rule's ICMP types or flag combinations is left out:
                // the boxes have no such field, and leaving a rule out never proves a rule dead
                if (!rule.details().within(candidate.details())) continue;
                (candidate.readWider() ? wider : exact).add(i);
            }
            // only earlier rules read exactly (or narrower) can prove this one dead; this one may be read wider
            Verdict verdict = decide(chain, j, exact, all);
            if (verdict instanceof Shadowed && rule.readNarrower()) {
                verdict = new Undecided(
                        rule,
                        "it is shadowed as vpnlint reads it, but vpnlint read it narrower than" + " written: "
                                + reasons(List.of(rule), false),
                        false);
            }
            if (verdict == null && !wider.isEmpty()) {
                List<Integer> asRead = new ArrayList<>(exact);
                asRead.addAll(wider);
                asRead.sort(null);
                if (decide(chain, j, asRead, all) instanceof Shadowed shadowed) {
                    List<ChainEntry> unread = shadowed.covering().stream()
                            .filter(ChainEntry::readWider)
                            .toList();
                    verdict = new Undecided(
                            rule,
                            "as vpnlint reads them, "
                                    + UndecidedNote.someRules(unread.stream()
                                            .map(ChainEntry::label)
                                            .toList()) + " would take every packet it matches,"
                                    + " but vpnlint could not read all of "
                                    + (unread.size() == 1 ? "that rule" : "those rules")
                                    + ": " + reasons(unread, true),
                            false);
                }
            }
            if (verdict != null) verdicts.accept(verdict);
        }
    }

    /** The boxes of a chain's rules and of its hook, on one set of scales. */
    private record Boxes(List<RuleBox> rules, List<RuleBox> possible, PacketScales scales) {}

    /** Whether rule j never acts given the earlier terminal rules at these positions: null when it can act. */
    private Verdict decide(Chain chain, int j, List<Integer> earlierPositions, Boxes boxes) {
        if (earlierPositions.isEmpty()) return null;
        List<ChainEntry> earlier = new ArrayList<>(earlierPositions.size());
        List<RuleBox> earlierBoxes = new ArrayList<>(earlierPositions.size());
        for (int i : earlierPositions) {
            earlier.add(chain.entries().get(i));
            earlierBoxes.add(boxes.rules().get(i));
        }
        ChainEntry rule = chain.entries().get(j);
        ReachingPacket.Outcome search = ReachingPacket.find(boxes.rules().get(j), boxes.possible(), earlierBoxes);
        if (search.packet() != null && reaches(chain, rule, boxes.scales().packet(search.packet()))) return null;
        List<ChainEntry> cover = search.cover().stream().map(earlier::get).toList();
        return examine(
                chain,
                new Question(
                        rule,
                        boxes.rules().get(j),
                        earlier,
                        earlierBoxes,
                        cover,
                        search.covered(),
                        boxes.possible(),
                        boxes.scales()));
    }

    /** What could not be read of these rules, in their direction, e.g. "'... rule 20 limit' could not be read". */
    private static String reasons(List<ChainEntry> rules, boolean wider) {
        return UndecidedNote.someUnread(rules.stream()
                .flatMap(r -> r.approximations().stream())
                .filter(a -> a.wider() == wider)
                .map(a -> a.reason())
                .distinct()
                .toList());
    }

    /**
     * A rule the box search found no packet for, the earlier terminal rules whose boxes meet its box, those of them
     * the search was left with (usually the ones that shadow it), whether the exact search proved on the boxes that
     * they take every packet of the rule ({@code covered}), and the hook's boxes.
     */
    private record Question(
            ChainEntry rule,
            RuleBox box,
            List<ChainEntry> earlier,
            List<RuleBox> earlierBoxes,
            List<ChainEntry> cover,
            boolean covered,
            List<RuleBox> possible,
            PacketScales scales) {}

    /**
     * Whether the packet is possible at the chain's hook and the rule matches it, replayed with the same matching
     * as the solver's terms. No earlier rule's box holds the packet, so none of them matches it.
     */
    private static boolean reaches(Chain chain, ChainEntry rule, RulePacket.Values packet) {
        ChainPacket<Boolean, ConcreteBits> replay = concretePacket(chain, packet);
        return replay.wellFormed() && replay.at(chain.hook()) && replay.matches(rule);
    }

    private Verdict examine(Chain chain, Question question) {
        ChainEntry rule = question.rule();
        List<ChainEntry> earlier = question.earlier();
        if (!question.covered()) {
            // a proof that the few rules left by the search take every packet is one for all earlier rules, else
            // all are asked
            QueryResult reachable = question.cover().isEmpty() ? null : ask(chain, rule, question.cover());
            if (!(reachable instanceof QueryResult.Proved)) reachable = ask(chain, rule, earlier);
            if (reachable instanceof QueryResult.Unknown unknown) return new Undecided(rule, unknown.reason(), true);
            if (reachable instanceof QueryResult.Witness) return null;
        }
        // else the exact box search proved what the solver would: see the class comment (covered without Z3)
        // the example is read off the rule's box, which holds exactly the packets the solver's terms would
        RulePacket.Values values =
                BoxExample.of(question.box(), question.possible(), question.scales(), chain.family());
        if (values == null) return null; // matches no packet at all
        if (!reaches(chain, rule, values)) // the replay, with the datapath's own matching, checks the box reading
        throw new IllegalStateException("the example packet of " + rule.label() + " in " + chain.name()
                + " is not one the rule matches at its hook");
        int[] pieces = question.scales().pieces(values);
        return new Shadowed(rule, coveringRules(question, pieces), values, firstMatch(question, pieces));
    }

    /**
     * The first earlier rule that covers the rule alone, else every earlier rule that overlaps it, both at the hook.
     * A rule that covers this one matches every packet it matches, the example too, so only the earlier rules that
     * match the example can cover it. Both questions are answered on the boxes, exactly as the solver would.
     */
    private static List<ChainEntry> coveringRules(Question question, int[] example) {
        List<ChainEntry> earlier = question.earlier();
        for (int i = 0; i < earlier.size(); i++) {
            RuleBox candidate = question.earlierBoxes().get(i);
            if (candidate.contains(example) && candidate.covers(question.box(), question.possible()))
                return List.of(earlier.get(i));
        }
        List<ChainEntry> overlapping = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            RuleBox candidate = question.earlierBoxes().get(i);
            boolean common = candidate.contains(example) // a common packet known already: it overlaps
                    || candidate.overlaps(question.box(), question.possible());
            if (common) overlapping.add(earlier.get(i));
        }
        return overlapping;
    }

    private static ChainPacket<Boolean, ConcreteBits> concretePacket(Chain chain, RulePacket.Values values) {
        RulePacket<Boolean, ConcreteBits> packet = RulePacket.concrete(chain.family(), values);
        return new ChainPacket<>(
                org.vpnlint.datapath.ConcreteAlgebra.INSTANCE, chain.family(), packet, chain.interfaces());
    }

    /**
     * The first earlier rule whose box holds the example; one of them does, since together they hold every packet
     * of the rule, so finding none is an internal error.
     */
    private static ChainEntry firstMatch(Question question, int[] example) {
        for (int i = 0; i < question.earlier().size(); i++) {
            if (question.earlierBoxes().get(i).contains(example))
                return question.earlier().get(i);
        }
        throw new IllegalStateException("no earlier rule holds the example packet of "
                + question.rule().label() + ", which they were proved to cover");
    }

    /** Is there a packet at the chain's hook that {@code rule} matches and none of {@code excluded}? */
    private QueryResult ask(Chain chain, ChainEntry rule, List<ChainEntry> excluded) {
        try (SymbolicQuery<?, ?> query = solver.newQuery(purpose + ": " + rule.label(), TIMEOUT)) {
            return ask(query, chain, rule, excluded);
        }
    }

    private static <B, V> QueryResult ask(
            SymbolicQuery<B, V> query, Chain chain, ChainEntry rule, List<ChainEntry> excluded) {
        var algebra = query.algebra();
        RulePacket<B, V> packet = RulePacket.fresh(algebra, chain.family());
        ChainPacket<B, V> atChain = new ChainPacket<>(algebra, chain.family(), packet, chain.interfaces());
        query.require(atChain.wellFormed());
        query.require(atChain.at(chain.hook()));
        B goal = atChain.matches(rule);
        for (ChainEntry other : excluded) goal = algebra.and(goal, algebra.not(atChain.matches(other)));
        return query.check(goal);
    }
}
