package org.vpnlint.checks.ike.pairing;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vpnlint.checks.Network;
import org.vpnlint.model.IpsecProfile;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.NhrpTunnel;
import org.vpnlint.model.NhrpTunnel.NhrpMap;
import org.vpnlint.model.Router;

/**
 * A DMVPN spoke's static NHRP map that names a hub analysed in the same run: the map's tunnel address is exactly the
 * address of a multipoint GRE tunnel on another router. Pairing by the tunnel (protocol) address and not by the outer
 * (NBMA) address keeps a NAT in front of the hub out of the question of who the hub is.
 */
public record DmvpnLink(Router spoke, NetInterface spokeTunnel, NhrpMap map, Router hub, NetInterface hubTunnel) {

    /** Every link of the network, spokes in file order. */
    public static List<DmvpnLink> find(Network network) {
        List<DmvpnLink> links = new ArrayList<>();
        for (Router spoke : network.routers()) {
            for (NhrpTunnel nhrp : spoke.nhrpTunnels()) {
                NetInterface spokeTunnel =
                        multipointGre(spoke, nhrp.interfaceName()).orElse(null);
                if (spokeTunnel == null) continue;
                for (NhrpMap map : nhrp.maps()) {
                    for (Router hub : network.routers()) {
                        if (hub == spoke) continue;
                        hubTunnelWithAddress(hub, map.tunnelAddress())
                                .ifPresent(
                                        hubTunnel -> links.add(new DmvpnLink(spoke, spokeTunnel, map, hub, hubTunnel)));
                    }
                }
            }
        }
        return links;
    }

    public Optional<IpsecProfile> spokeProfile() {
        return spoke.ipsec().profileBoundTo(spokeTunnel.name());
    }

    public Optional<IpsecProfile> hubProfile() {
        return hub.ipsec().profileBoundTo(hubTunnel.name());
    }

    /** e.g. {@code spoke.conf interfaces tunnel tun0}. */
    public static String label(Router router, NetInterface tunnel) {
        return router.file() + " tunnel " + tunnel.name();
    }

    private static Optional<NetInterface> hubTunnelWithAddress(Router hub, IPAddress tunnelAddress) {
        IPAddress host = tunnelAddress.withoutPrefixLength();
        return hub.interfaces().stream()
                .filter(DmvpnLink::isMultipointGre)
                .filter(i -> i.addresses().stream()
                        .anyMatch(a -> a.withoutPrefixLength().equals(host)))
                .findFirst();
    }

    /** The enabled GRE tunnel interface without a fixed remote that NHRP runs on. */
    private static Optional<NetInterface> multipointGre(Router router, String name) {
        return router.findInterface(name).filter(DmvpnLink::isMultipointGre);
    }

    private static boolean isMultipointGre(NetInterface tunnel) {
        return tunnel.tunnel() != null
                && tunnel.tunnel().remoteAddress() == null
                && tunnel.tunnel().outerProtocol() == 47
                && !tunnel.disabled();
    }
}
