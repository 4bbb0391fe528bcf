package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.NetInterface;

/**
 * EdgeOS's built-in address groups (docs/semantics/edgeos-builtin-groups.md): {@code ADDRv4_<interface>}, the
 * interface's IPv4 addresses, and {@code NETv4_<interface>}, its IPv4 networks. EdgeOS creates them as ipsets and
 * fills them at run time, so a rule may name them without defining them; what they hold is read from the
 * interface's addresses in the file, and where the file does not fix it (DHCP, PPPoE, no address, an interface the
 * file does not show) or may not match it (several addresses: public evidence shows one network of two missing),
 * the reading says so. {@code ADDRv6_}/{@code NETv6_} are left out: no evidence that EdgeOS creates them.
 */
final class InterfaceAddressGroups {

    private static final Pattern NAME = Pattern.compile("(ADDR|NET)v4_(.+)");

    /**
     * What a built-in group is read as.
     *
     * @param ranges what it holds as read; null when unknown (the reference is read as any address)
     * @param exact  whether the file fixes the contents (exactly one static address)
     * @param reason why the reading is inexact; null when exact
     */
    record Reading(List<IPAddressSeqRange> ranges, boolean exact, String reason) {}

    private final Map<String, NetInterface> interfaces;

    private InterfaceAddressGroups(Map<String, NetInterface> interfaces) {
        this.interfaces = interfaces;
    }

    static InterfaceAddressGroups of(List<NetInterface> interfaces) {
        return new InterfaceAddressGroups(
                interfaces.stream().collect(Collectors.toMap(NetInterface::name, i -> i, (first, later) -> first)));
    }

    /** The reading of {@code name} if it is a built-in group's name, else empty. */
    Optional<Reading> read(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) return Optional.empty();
        boolean networks = matcher.group(1).equals("NET");
        String interfaceName = matcher.group(2);
        String contents = networks ? "networks" : "addresses";
        String filled = "EdgeOS fills " + name + " at run time from " + interfaceName + "'s IPv4 " + contents;
        NetInterface netInterface = interfaces.get(interfaceName);
        if (netInterface == null) {
            return Optional.of(unknown(filled + ", and this file does not show " + interfaceName));
        }
        if (netInterface.dynamicAddress()) {
            String how = netInterface.kind() == InterfaceKind.PPPOE ? "pppoe" : "dhcp";
            return Optional.of(unknown(filled + ", which this file does not fix (" + how + ")"));
        }
        List<IPAddress> ipv4 =
                netInterface.addresses().stream().filter(IPAddress::isIPv4).toList();
        if (ipv4.isEmpty()) {
            return Optional.of(unknown(filled + ", and this file gives " + interfaceName + " no IPv4 address"));
        }
        List<IPAddressSeqRange> ranges = ipv4.stream()
                .map(address -> networks
                        ? address.toPrefixBlock().toSequentialRange()
                        : address.withoutPrefixLength().toSequentialRange())
                .distinct()
                .toList();
        if (ranges.size() == 1) return Optional.of(new Reading(ranges, true, null));
        return Optional.of(new Reading(
                ranges,
                false,
                filled + "; read as all " + ranges.size() + " the file gives it, though it may hold fewer"));
    }

    private static Reading unknown(String reason) {
        return new Reading(null, false, reason);
    }
}
