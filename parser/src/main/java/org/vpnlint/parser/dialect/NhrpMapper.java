package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.NhrpTunnel;
import org.vpnlint.model.NhrpTunnel.NhrpMap;
import org.vpnlint.parser.ConfigNode;

/**
 * {@code protocols nhrp} → {@link NhrpTunnel}s: per multipoint GRE tunnel, the static maps (tunnel address → outer
 * NBMA address, {@code register} for a hub) and the dynamic maps (hubs by DNS name). Settings that shape NHRP's own
 * behaviour (holding time, shortcuts, redirects, multicast, the NHRP authentication password) are read over: they
 * change neither which peers exist nor how their packets are protected.
 */
final class NhrpMapper {
    private final MappingProblems problems;

    NhrpMapper(MappingProblems problems) {
        this.problems = problems;
    }

    List<NhrpTunnel> map(ConfigNode nhrp) {
        ConfigSection section = new ConfigSection(nhrp, problems);
        List<NhrpTunnel> tunnels = new ArrayList<>();
        for (ConfigSection tunnel : section.entries("tunnel")) tunnels.add(tunnel(tunnel));
        section.finish();
        return tunnels;
    }

    private NhrpTunnel tunnel(ConfigSection tunnel) {
        List<NhrpMap> maps = new ArrayList<>();
        for (ConfigSection map : tunnel.entries("map")) {
            NhrpMap read = map(map);
            if (read != null) maps.add(read);
        }
        List<String> domains = new ArrayList<>();
        for (ConfigSection dynamicMap : tunnel.entries("dynamic-map")) {
            String domain = dynamicMap.value("nbma-domain-name");
            if (domain != null) domains.add(domain);
            dynamicMap.finish();
        }
        tunnel.ignore(
                "cisco-authentication",
                "holding-time",
                "multicast",
                "non-caching",
                "redirect",
                "shortcut",
                "shortcut-destination",
                "shortcut-target");
        tunnel.finish();
        return new NhrpTunnel(tunnel.node().word(), maps, domains, tunnel.path(), tunnel.location());
    }

    private NhrpMap map(ConfigSection map) {
        IPAddress tunnelAddress = address(map.node().parent(), map.node().word(), true);
        ConfigNode nbmaNode = map.leaf("nbma-address");
        String nbmaText = nbmaNode == null ? null : ConfigSection.valueOf(nbmaNode);
        IPAddress nbma = nbmaText == null ? null : address(nbmaNode, nbmaText, false);
        boolean register = map.flag("register");
        map.ignore("cisco");
        map.finish();
        if (tunnelAddress == null || nbma == null) return null;
        return new NhrpMap(tunnelAddress, nbma, register, map.location());
    }

    private IPAddress address(ConfigNode leaf, String text, boolean withPrefix) {
        try {
            return withPrefix ? AddressSyntax.interfaceAddress(text) : AddressSyntax.host(text);
        } catch (InvalidValue e) {
            problems.invalidValue(leaf, text, e.getMessage());
            return null;
        }
    }
}
