package org.vpnlint.cli.analysis;

import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.model.Completeness;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;
import org.vpnlint.model.SourceLocation;

/**
 * A {@code fragments:} entry of {@code .vpnlint.yaml}: what the user knows about a file that is not a whole
 * configuration. {@code completeParts} are parts the file shows whole although vpnlint cannot tell (a VPN-only
 * excerpt of a router whose interfaces are all in it, say); {@code interfaceAddresses} are addresses of interfaces
 * the file names but does not define, located at the entry in the YAML file so that traces point there. Facts
 * do not make a part complete: a file with a declared eth0 may still leave other interfaces out, so
 * {@code complete:} says that separately.
 */
public record DeclaredFragment(
        Path routerFile,
        Set<RouterPart> completeParts,
        Map<String, List<IPAddress>> interfaceAddresses,
        SourceLocation declaredAt) {

    public DeclaredFragment {
        completeParts = Set.copyOf(completeParts);
        interfaceAddresses = Map.copyOf(interfaceAddresses);
    }

    /** The router with the declared interfaces added and the declared parts marked complete. */
    public Router applyTo(Router router) {
        List<NetInterface> interfaces = new ArrayList<>(router.interfaces());
        interfaceAddresses.keySet().stream().sorted().forEach(name -> {
            if (router.findInterface(name).isEmpty()) {
                interfaces.add(new NetInterface(
                        name, kindOf(name), interfaceAddresses.get(name), false, false, null, false, declaredAt));
            }
        });
        Completeness completeness = router.completeness();
        for (RouterPart part : completeParts) completeness = completeness.declaredComplete(part);
        return router.withInterfaces(interfaces).withCompleteness(completeness);
    }

    private static InterfaceKind kindOf(String name) {
        if (name.contains(".")) return InterfaceKind.VLAN;
        if (name.startsWith("eth")) return InterfaceKind.ETHERNET;
        if (name.startsWith("bond")) return InterfaceKind.BONDING;
        if (name.startsWith("br")) return InterfaceKind.BRIDGE;
        if (name.startsWith("pppoe")) return InterfaceKind.PPPOE;
        if (name.startsWith("dum")) return InterfaceKind.DUMMY;
        if (name.startsWith("lo")) return InterfaceKind.LOOPBACK;
        return InterfaceKind.OTHER;
    }
}
