package org.vpnlint.checks;

import java.util.List;
import org.vpnlint.model.Router;

/**
 * The routers analysed together in one run (every file given on the command line), plus what the user declared
 * about NAT between them in {@code .vpnlint.yaml}. Single-router rules simply look at each router in turn.
 */
public record Network(List<Router> routers, List<NatDeclaration> natDeclarations) {

    public Network {
        routers = List.copyOf(routers);
        natDeclarations = List.copyOf(natDeclarations);
    }

    public static Network of(List<Router> routers) {
        return new Network(routers, List.of());
    }

    /**
     * A declared NAT in front of a router (from {@code .vpnlint.yaml}): the router's file or name, the public
     * address it is seen as (null when unknown), and whether the NAT is 1:1 or masquerade.
     */
    public record NatDeclaration(String router, String publicAddress, Kind kind) {
        public enum Kind {
            ONE_TO_ONE,
            MASQUERADE
        }
    }
}
