package org.vpnlint.checks.ike.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddressString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Network;
import org.vpnlint.model.Router;

class PeerPairingTest {

    @Test
    void peersThatNameEachOthersAddressesArePairedWithoutNat() {
        Router east = SiteBuilder.vyos14("east.conf")
                .wan("203.0.113.1/24")
                .peer("west")
                .remoteAddress("198.51.100.2")
                .build();
        Router west = SiteBuilder.vyos14("west.conf")
                .wan("198.51.100.2/24")
                .peer("east")
                .remoteAddress("203.0.113.1")
                .build();

        List<PeerPair> pairs = new PeerPairing(Network.of(List.of(east, west))).pairs();

        assertEquals(1, pairs.size());
        assertEquals(NatInFront.Kind.NONE, pairs.get(0).firstNat().kind());
        assertEquals(NatInFront.Kind.NONE, pairs.get(0).secondNat().kind());
    }

    @Test
    void aPrivateIkeAddressAndAPublicAddressOnNoInterfaceMeanOneToOneNat() {
        Router hq = SiteBuilder.vyos14("hq.conf")
                .wan("203.0.113.2/24")
                .peer("branch")
                .remoteAddress("198.51.100.2")
                .build();
        Router branch = SiteBuilder.vyos14("branch.conf")
                .wan("10.1.0.2/24")
                .peer("hq")
                .remoteAddress("203.0.113.2")
                .build();

        PeerPair pair = new PeerPairing(Network.of(List.of(hq, branch))).pairs().get(0);

        assertEquals(NatInFront.Kind.ONE_TO_ONE, pair.secondNat().kind());
        assertEquals(NatInFront.Origin.INFERRED, pair.secondNat().origin());
        assertEquals(
                new IPAddressString("198.51.100.2").getAddress(),
                pair.secondNat().publicAddress());
        assertEquals(NatInFront.Kind.NONE, pair.firstNat().kind());
    }

    @Test
    void aDeclaredMasqueradeWinsOverInference() {
        Router hq = SiteBuilder.vyos14("hq.conf")
                .wan("203.0.113.2/24")
                .peer("branch")
                .remoteAddress("198.51.100.2")
                .build();
        Router branch = SiteBuilder.vyos14("branch.conf")
                .wan("10.1.0.2/24")
                .peer("hq")
                .remoteAddress("203.0.113.2")
                .build();
        Network network = new Network(
                List.of(hq, branch),
                List.of(new Network.NatDeclaration(
                        "branch.conf", "198.51.100.2", Network.NatDeclaration.Kind.MASQUERADE)));

        PeerPair pair = new PeerPairing(network).pairs().get(0);

        assertEquals(NatInFront.Kind.MASQUERADE, pair.secondNat().kind());
        assertEquals(NatInFront.Origin.DECLARED, pair.secondNat().origin());
    }

    @Test
    void anIdPeerPairsWithTheRouterThatSendsThatIdentity() {
        Router hq = SiteBuilder.vyos13("hq.conf")
                .wan("203.0.113.2/24")
                .peer("@branch")
                .build();
        Router branch = SiteBuilder.vyos13("branch.conf")
                .wan("10.1.0.2/24")
                .peer("203.0.113.2")
                .localAddress("any")
                .localId("@branch")
                .build();

        PeerPair pair = new PeerPairing(Network.of(List.of(hq, branch))).pairs().get(0);

        assertEquals("@branch", pair.first().peer().name());
        assertEquals(NatInFront.Kind.MASQUERADE, pair.secondNat().kind());
        assertNull(pair.secondNat().publicAddress(), "nobody names the branch's public address");
    }

    @Test
    void peersThatNameOtherRoutersAreNotPaired() {
        Router east = SiteBuilder.vyos14("east.conf")
                .wan("203.0.113.1/24")
                .peer("west")
                .remoteAddress("192.0.2.77")
                .build();
        Router west = SiteBuilder.vyos14("west.conf")
                .wan("198.51.100.2/24")
                .peer("east")
                .remoteAddress("203.0.113.1")
                .build();

        assertTrue(new PeerPairing(Network.of(List.of(east, west))).pairs().isEmpty());
    }
}
