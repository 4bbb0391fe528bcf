package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;

/**
 * A NAT chain: the first matching rule (by rule number) decides ({@link FirstMatch}). The rules that may match are
 * folded from the last to the first, so the terms grow linearly with the number of rules and every rule's match
 * predicate is built once.
 */
final class NatChain {

    private NatChain() {}

    /**
     * Destination NAT (PREROUTING) on the inbound interface, or source NAT (POSTROUTING) on the outbound one.
     *
     * @param interfaceAddress for masquerade: the address of the outbound interface (the unknown marker if dynamic)
     */
    static <B, V> NatOutcome<B, V> evaluate(
            HeaderAlgebra<B, V> algebra,
            AddressFamily family,
            List<CompiledNatRule> rules,
            CompiledConditions.NatChainConditions conditions,
            HeaderPredicates<B, V> predicates,
            InterfacePredicates<B, V> interfaces,
            V interfaceAddress) {
        Header<V> original = predicates.header();
        FirstMatch<B> scan = new FirstMatch<>(algebra);
        // with both addresses known, only the rules whose address conditions may hold are tried: the others surely fail
        BigInteger source = predicates.knownSource();
        BigInteger destination = predicates.knownDestination();
        int[] candidates = source != null && destination != null
                ? conditions.byAddress().candidates(source, destination)
                : IntStream.range(0, rules.size()).toArray();
        for (int c = 0; c < candidates.length && !scan.decided(); c++) {
            int i = candidates[c];
            scan.offer(
                    i, matches(algebra, rules.get(i).rule(), conditions.rules().get(i), predicates, interfaces));
        }
        Header<V> header = original;
        V rule = algebra.bits(scan.winner() + 1, CompiledRouter.INDEX_WIDTH);
        B translating = algebra.bool(false);
        if (scan.decided()) {
            NatRule winner = rules.get(scan.winner()).rule();
            translating = algebra.bool(translates(winner));
            header = translated(algebra, family, winner, predicates, interfaceAddress);
        }
        for (int k = scan.undecided() - 1; k >= 0; k--) {
            int position = scan.position(k);
            NatRule natRule = rules.get(position).rule();
            B matches = scan.condition(k);
            header = Header.choose(
                    algebra, matches, translated(algebra, family, natRule, predicates, interfaceAddress), header);
            rule = algebra.ifBits(matches, algebra.bits(position + 1, CompiledRouter.INDEX_WIDTH), rule);
            translating = algebra.ifBool(matches, algebra.bool(translates(natRule)), translating);
        }
        return new NatOutcome<>(header, rule, translating);
    }

    /** As {@link RuleMatch#natRule}, with the rule's conditions already as numbers. */
    private static <B, V> B matches(
            HeaderAlgebra<B, V> algebra,
            NatRule rule,
            CompiledConditions.NatRuleConditions conditions,
            HeaderPredicates<B, V> predicates,
            InterfacePredicates<B, V> interfaces) {
        B onInterface = interfaces.matches(rule.interfaceMatch(), conditions.interfaces());
        return algebra.and(
                onInterface, predicates.matches(rule.match(), conditions.source(), conditions.destination()));
    }

    /** Exclude rules (and rules without a translation) stop the chain without changing the packet. */
    private static boolean translates(NatRule rule) {
        return rule.translation() != null && rule.translation().kind() != NatTranslation.Kind.EXCLUDE;
    }

    /** The header after the rule, the original one for a rule that does not translate. */
    private static <B, V> Header<V> translated(
            HeaderAlgebra<B, V> algebra,
            AddressFamily family,
            NatRule rule,
            HeaderPredicates<B, V> predicates,
            V interfaceAddress) {
        Header<V> original = predicates.header();
        return translates(rule)
                ? translate(algebra, family, rule, original, predicates.hasPorts(), interfaceAddress)
                : original;
    }

    private static <B, V> Header<V> translate(
            HeaderAlgebra<B, V> algebra,
            AddressFamily family,
            NatRule rule,
            Header<V> header,
            B hasPorts,
            V interfaceAddress) {
        NatTranslation translation = rule.translation();
        boolean source = rule.direction() == NatDirection.SOURCE;
        V address = source ? header.src() : header.dst();
        V port = source ? header.srcPort() : header.dstPort();
        if (translation.kind() == NatTranslation.Kind.MASQUERADE) {
            address = interfaceAddress;
        } else if (translation.addresses() != null) {
            BigInteger base = translation.addresses().getLower().getValue();
            if (translation.prefixMapLength() != null) {
                // 1:1 prefix map: keep the host bits, replace the network bits
                int length = translation.prefixMapLength();
                BigInteger all = BigInteger.ONE.shiftLeft(family.width()).subtract(BigInteger.ONE);
                BigInteger hostMask =
                        BigInteger.ONE.shiftLeft(family.width() - length).subtract(BigInteger.ONE);
                address = algebra.bitOr(
                        algebra.bitAnd(address, algebra.bits(hostMask, family.width())),
                        algebra.bits(base.and(all.xor(hostMask)), family.width()));
            } else {
                address = algebra.bits(base, family.width());
            }
        }
        if (translation.port() != null) {
            port = algebra.ifBits(hasPorts, algebra.bits(translation.port().low(), Header.PORT_WIDTH), port);
        }
        return source ? header.withSrc(address, port) : header.withDst(address, port);
    }
}
