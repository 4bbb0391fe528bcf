package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.List;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;

/**
 * A NAT chain: the first matching rule (by rule number) decides. Built as a fold from the last rule to the first,
 * so the terms grow linearly with the number of rules and every rule's match predicate is built once.
 */
final class NatChain {

    private NatChain() {
    }

    /**
     * Destination NAT (PREROUTING) on the inbound interface, or source NAT (POSTROUTING) on the outbound one.
     *
     * @param interfaceAddress for masquerade: the address of the outbound interface (the unknown marker if dynamic)
     */
    static <B, V> NatOutcome<B, V> evaluate(HeaderAlgebra<B, V> algebra, AddressFamily family, List<CompiledNatRule> rules,
                                           HeaderPredicates<B, V> predicates, InterfacePredicates<B, V> interfaces,
                                           V interfaceAddress) {
        Header<V> original = predicates.header();
        Header<V> header = original;
        V rule = algebra.bits(0, CompiledRouter.INDEX_WIDTH);
        B translating = algebra.bool(false);
        RuleMatch<B, V> ruleMatch = new RuleMatch<>(algebra, predicates);
        for (int i = rules.size() - 1; i >= 0; i--) {
            NatRule natRule = rules.get(i).rule();
            B matches = ruleMatch.natRule(natRule, interfaces);
            boolean translates = natRule.translation() != null && natRule.translation().kind() != NatTranslation.Kind.EXCLUDE;
            Header<V> translated = translates
                    ? translate(algebra, family, natRule, original, predicates.hasPorts(), interfaceAddress) : original;
            header = Header.choose(algebra, matches, translated, header);
            rule = algebra.ifBits(matches, algebra.bits(i + 1, CompiledRouter.INDEX_WIDTH), rule);
            translating = algebra.ifBool(matches, algebra.bool(translates), translating);
        }
        return new NatOutcome<>(header, rule, translating);
    }

    private static <B, V> Header<V> translate(HeaderAlgebra<B, V> algebra, AddressFamily family, NatRule rule,
                                              Header<V> header, B hasPorts, V interfaceAddress) {
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
                BigInteger hostMask = BigInteger.ONE.shiftLeft(family.width() - length).subtract(BigInteger.ONE);
                address = algebra.bitOr(algebra.bitAnd(address, algebra.bits(hostMask, family.width())),
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
