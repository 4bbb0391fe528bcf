package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tunnel 0 is a tunnel like any other; a VTI has no number. */
class TunnelRefTest {

    @Test
    void tunnelZeroIsNotTheVti() {
        TunnelRef zero = new TunnelRef("198.51.100.243", 0);
        TunnelRef vti = TunnelRef.vti("198.51.100.243");
        assertNotEquals(zero, vti);
        assertFalse(zero.isVti());
        assertTrue(zero.isTunnel(0));
        assertFalse(vti.isTunnel(0));
        assertEquals("tunnel 0 of peer 198.51.100.243", zero.toString());
        assertEquals("vti of peer 198.51.100.243", vti.toString());
    }

    @Test
    void bothFormsReadBackFromTheCommandLine() {
        assertEquals(Ingress.decryptedBy(new TunnelRef("192.0.2.1", 0)), Ingress.parse("tunnel 0 of peer 192.0.2.1"));
        assertEquals(Ingress.decryptedBy(TunnelRef.vti("192.0.2.1")), Ingress.parse("vti of peer 192.0.2.1"));
    }

    @Test
    void saStatesKeepTunnelZeroAndTheVtiApart() {
        SaStates states = SaStates.allUp().with(new TunnelRef("p", 0), false).with(TunnelRef.vti("p"), true);
        assertFalse(states.isUp(new TunnelRef("p", 0)));
        assertTrue(states.isUp(TunnelRef.vti("p")));
        assertEquals(
                List.of(TunnelRef.vti("p"), new TunnelRef("p", 0), new TunnelRef("p", 1)),
                List.of(new TunnelRef("p", 1), new TunnelRef("p", 0), TunnelRef.vti("p")).stream()
                        .sorted(TunnelRef.ORDER)
                        .toList());
    }
}
