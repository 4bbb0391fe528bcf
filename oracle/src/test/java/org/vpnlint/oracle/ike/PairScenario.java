package org.vpnlint.oracle.ike;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.checks.Network;
import org.vpnlint.model.PresharedKey;
import org.vpnlint.model.Router;

/**
 * Two routers meant to form one tunnel, the NAT in front of each, and whether the NAT is declared in
 * .vpnlint.yaml (masquerade always is: vpnlint cannot tell it from 1:1 by itself) or left to inference.
 * The left router is {@code left.conf} in namespace {@code vl<pid>ini}, the right one {@code right.conf} in
 * {@code vl<pid>rsp}. The plaintext secrets stay here, for rendering swanctl.conf only.
 */
record PairScenario(
        String name, NatKind leftNat, NatKind rightNat, SideSpec left, SideSpec right, boolean declareOneToOne) {

    TopologyPlan plan() {
        return new TopologyPlan(leftNat, rightNat);
    }

    Built build() {
        Map<PresharedKey, String> secrets = new HashMap<>();
        Router leftRouter = left.toRouter("left", plan().leftAddress(), secrets);
        Router rightRouter = right.toRouter("right", plan().rightAddress(), secrets);
        List<Network.NatDeclaration> declarations = new ArrayList<>();
        declare(declarations, "left", leftNat, TopologyPlan.LEFT_PUBLIC);
        declare(declarations, "right", rightNat, TopologyPlan.RIGHT_PUBLIC);
        return new Built(leftRouter, rightRouter, new Network(List.of(leftRouter, rightRouter), declarations), secrets);
    }

    private void declare(List<Network.NatDeclaration> declarations, String router, NatKind kind, String publicAddress) {
        if (kind == NatKind.MASQUERADE) {
            declarations.add(new Network.NatDeclaration(router, publicAddress, Network.NatDeclaration.Kind.MASQUERADE));
        } else if (kind == NatKind.ONE_TO_ONE && declareOneToOne) {
            declarations.add(new Network.NatDeclaration(router, publicAddress, Network.NatDeclaration.Kind.ONE_TO_ONE));
        }
    }

    String describe() {
        return name + ": left [" + leftNat + "] " + left.describe() + " | right [" + rightNat + "] " + right.describe()
                + (left.secret().equals(right.secret()) ? " | same PSK" : " | different PSK");
    }

    record Built(Router left, Router right, Network network, Map<PresharedKey, String> secrets) {}
}
