package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.parser.ConfigNode;

/**
 * NAT rules of every dialect → {@link NatRule}s:
 * <ul>
 *   <li>VyOS {@code nat source|destination rule N} (1.2 to 1.5) and {@code nat66 source|destination rule N};</li>
 *   <li>VyOS 1.4 {@code nat static rule N}: a 1:1 mapping, expanded into the two rules VyOS installs in its
 *       {@code vyos_static_nat} table — a destination rule (inbound-interface, destination address A → B) and
 *       a source rule (outbound on the same interface, source address B → A). Both keep the number N; that
 *       table hooks at the same priorities as {@code vyos_nat}, so the model orders them by number alongside
 *       the other rules;</li>
 *   <li>EdgeOS {@code service nat rule N type source|destination|masquerade}, translating to
 *       {@code outside-address} (source) or {@code inside-address} (destination).</li>
 * </ul>
 * A rule without a translation (and not {@code exclude}) is reported and left out: VyOS refuses to commit it.
 */
final class NatMapper {
    private final MappingContext context;
    private final PacketMatchReader matches;
    private final List<NatRule> sourceRules = new ArrayList<>();
    private final List<NatRule> destinationRules = new ArrayList<>();

    NatMapper(MappingContext context) {
        this.context = context;
        this.matches = context.matches();
    }

    NatConfig result() {
        return new NatConfig(sourceRules, destinationRules);
    }

    /** {@code nat} (ipv6 false) or {@code nat66} (ipv6 true). */
    void readVyos(ConfigNode nat, boolean ipv6) {
        ConfigSection section = new ConfigSection(nat, context.problems());
        for (ConfigSection rule : ruleEntries(section.section("source"))) {
            add(vyosRule(rule, NatDirection.SOURCE, ipv6), sourceRules);
        }
        for (ConfigSection rule : ruleEntries(section.section("destination"))) {
            add(vyosRule(rule, NatDirection.DESTINATION, ipv6), destinationRules);
        }
        if (!ipv6) {
            for (ConfigSection rule : ruleEntries(section.section("static"))) staticRule(rule);
        }
        section.finish();
    }

    /** EdgeOS {@code service nat}. */
    void readEdgeos(ConfigNode serviceNat) {
        ConfigSection section = new ConfigSection(serviceNat, context.problems());
        for (ConfigSection rule : section.entries("rule")) edgeosRule(rule);
        section.finish();
    }

    private static List<ConfigSection> ruleEntries(ConfigSection direction) {
        if (direction == null) return List.of();
        List<ConfigSection> rules = direction.entries("rule");
        direction.finish();
        return rules;
    }

    private static void add(NatRule rule, List<NatRule> rules) {
        if (rule != null) rules.add(rule);
    }

    private NatRule vyosRule(ConfigSection rule, NatDirection direction, boolean ipv6) {
        Integer number = rule.number();
        String interfaceWord = direction == NatDirection.SOURCE ? "outbound-interface" : "inbound-interface";
        InterfaceMatch interfaces = matches.interfaceMatch(rule, interfaceWord);
        PacketMatch match = matches.read(rule, ipv6);
        boolean exclude = rule.flag("exclude");
        boolean disabled = rule.flag("disable");
        String description = rule.value("description");
        rule.ignore("log");
        NatTranslation translation = null;
        ConfigSection translationSection = rule.section("translation");
        if (translationSection != null) {
            translation = translation(translationSection, direction);
            translationSection.ignore("options");
            translationSection.finish();
        }
        rule.finish();
        if (number == null) return null;
        if (exclude) translation = NatTranslation.EXCLUDE;
        if (translation == null) {
            if (!writesTranslation(translationSection)) {
                context.problems()
                        .invalid(
                                rule.node(),
                                "'" + rule.path()
                                        + "' has no translation and is not an exclude rule (VyOS rejects it); vpnlint ignores it");
            } // else the bad value is already reported
            return null;
        }
        return new NatRule(
                direction,
                number,
                interfaces,
                match,
                translation,
                disabled,
                description,
                rule.path(),
                rule.location(),
                context.problems().approximationsUnder(rule.node()));
    }

    private static boolean writesTranslation(ConfigSection translation) {
        return translation != null
                && (translation.node().has("address") || translation.node().has("port"));
    }

    /** {@code translation address <masquerade|A|A-B|P/len>} and {@code translation port <N|N-M>}. */
    private NatTranslation translation(ConfigSection translation, NatDirection direction) {
        ConfigNode address = translation.leaf("address");
        ConfigNode port = translation.leaf("port");
        PortRange portRange = port == null ? null : portRange(port);
        if (address == null || ConfigSection.valueOf(address) == null) {
            // port-only translation (1.4 allows it): the address is kept, which the model writes as null
            return portRange == null ? null : new NatTranslation(NatTranslation.Kind.ADDRESS, null, null, portRange);
        }
        return addressTranslation(address, direction, portRange);
    }

    private NatTranslation addressTranslation(ConfigNode address, NatDirection direction, PortRange port) {
        String value = ConfigSection.valueOf(address);
        if (value.equals("masquerade")) {
            if (direction == NatDirection.SOURCE) return NatTranslation.MASQUERADE;
            context.problems().invalidValue(address, value, "masquerade is a source NAT translation");
            return null;
        }
        if (value.indexOf('-') < 0) {
            IPAddress parsed;
            try {
                parsed = AddressSyntax.prefix(value);
            } catch (InvalidValue e) {
                context.problems().invalidValue(address, value, AddressSyntax.NOT_AN_ADDRESS);
                return null;
            }
            Integer length = parsed.getNetworkPrefixLength();
            boolean prefixMap = length != null && length < parsed.getBitCount();
            return new NatTranslation(
                    NatTranslation.Kind.ADDRESS, parsed.toSequentialRange(), prefixMap ? length : null, port);
        }
        try {
            return new NatTranslation(NatTranslation.Kind.ADDRESS, AddressSyntax.range(value), null, port);
        } catch (InvalidValue e) {
            context.problems().invalidValue(address, value, e.getMessage());
            return null;
        }
    }

    private PortRange portRange(ConfigNode port) {
        if (ConfigSection.valueOf(port) == null) return null;
        try {
            return PortSyntax.range(ConfigSection.valueOf(port));
        } catch (InvalidValue e) {
            context.problems().invalidValue(port, ConfigSection.valueOf(port), e.getMessage());
            return null;
        }
    }

    /** 1.4 {@code nat static rule N}: see the class comment. */
    private void staticRule(ConfigSection rule) {
        Integer number = rule.number();
        InterfaceMatch interfaces = matches.interfaceMatch(rule, "inbound-interface");
        ConfigSection destination = rule.section("destination");
        ConfigNode external = destination == null ? null : destination.leaf("address");
        if (destination != null) destination.finish();
        ConfigSection translation = rule.section("translation");
        ConfigNode internal = translation == null ? null : translation.leaf("address");
        if (translation != null) translation.finish();
        boolean disabled = rule.flag("disable");
        String description = rule.value("description");
        rule.ignore("log");
        rule.finish();
        if (number == null) return;
        if (external == null
                || ConfigSection.valueOf(external) == null
                || internal == null
                || ConfigSection.valueOf(internal) == null) {
            context.problems()
                    .invalid(
                            rule.node(),
                            "'" + rule.path()
                                    + "' needs both destination address and translation address; vpnlint ignores it");
            return;
        }
        NatTranslation toInternal = addressTranslation(internal, NatDirection.DESTINATION, null);
        NatTranslation toExternal = ConfigSection.valueOf(external).equals("masquerade")
                ? null
                : addressTranslation(external, NatDirection.SOURCE, null);
        if (ConfigSection.valueOf(external).equals("masquerade")) {
            context.problems()
                    .invalidValue(
                            external, ConfigSection.valueOf(external), "a static rule maps addresses, not masquerade");
        }
        if (toInternal == null || toExternal == null) return;
        PacketMatch inbound = new PacketMatch(
                AddressMatch.ANY,
                matchOf(toExternal, ConfigSection.valueOf(external)),
                ProtocolMatch.ANY,
                PortMatch.ANY,
                PortMatch.ANY);
        PacketMatch outbound = new PacketMatch(
                matchOf(toInternal, ConfigSection.valueOf(internal)),
                AddressMatch.ANY,
                ProtocolMatch.ANY,
                PortMatch.ANY,
                PortMatch.ANY);
        List<Approximation> approximations = context.problems().approximationsUnder(rule.node());
        destinationRules.add(new NatRule(
                NatDirection.DESTINATION,
                number,
                interfaces,
                inbound,
                toInternal,
                disabled,
                description,
                rule.path(),
                rule.location(),
                approximations));
        sourceRules.add(new NatRule(
                NatDirection.SOURCE,
                number,
                interfaces,
                outbound,
                toExternal,
                disabled,
                description,
                rule.path(),
                rule.location(),
                approximations));
    }

    private static AddressMatch matchOf(NatTranslation translation, String text) {
        IPAddressSeqRange range = translation.addresses();
        return new AddressMatch(List.of(range), false, text);
    }

    /** EdgeOS {@code service nat rule N}. */
    private void edgeosRule(ConfigSection rule) {
        Integer number = rule.number();
        String type = rule.value("type");
        NatDirection direction = "destination".equals(type) ? NatDirection.DESTINATION : NatDirection.SOURCE;
        InterfaceMatch interfaces = matches.interfaceMatch(
                rule, direction == NatDirection.SOURCE ? "outbound-interface" : "inbound-interface");
        PacketMatch match = matches.read(rule, false);
        boolean exclude = rule.flag("exclude");
        boolean disabled = rule.flag("disable");
        String description = rule.value("description");
        rule.ignore("log");
        ConfigSection target = rule.section(direction == NatDirection.SOURCE ? "outside-address" : "inside-address");
        NatTranslation translation = null;
        if (target != null) {
            translation = translation(target, direction);
            target.finish();
        }
        rule.finish();
        if (number == null) return;
        if (type == null || !List.of("source", "destination", "masquerade").contains(type)) {
            context.problems()
                    .invalid(
                            rule.node(),
                            "'" + rule.path() + "' needs type source, destination or masquerade; vpnlint ignores it");
            return;
        }
        if (exclude) translation = NatTranslation.EXCLUDE;
        else if (type.equals("masquerade")) translation = NatTranslation.MASQUERADE;
        if (translation == null) {
            if (writesTranslation(target)) return; // the bad value is already reported
            String needed = direction == NatDirection.SOURCE ? "outside-address" : "inside-address";
            context.problems()
                    .invalid(
                            rule.node(),
                            "'" + rule.path() + "' has no " + needed
                                    + " and is not an exclude rule; vpnlint ignores it");
            return;
        }
        add(
                new NatRule(
                        direction,
                        number,
                        interfaces,
                        match,
                        translation,
                        disabled,
                        description,
                        rule.path(),
                        rule.location(),
                        context.problems().approximationsUnder(rule.node())),
                direction == NatDirection.SOURCE ? sourceRules : destinationRules);
    }
}
