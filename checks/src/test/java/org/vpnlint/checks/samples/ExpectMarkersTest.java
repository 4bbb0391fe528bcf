package org.vpnlint.checks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.samples.ExpectMarkers.Expected;

class ExpectMarkersTest {

    @Test
    void aMarkerNamesTheNextLineThatIsNotComment() {
        String text = """
                # EXPECT: nat-t-missing

                # a comment between marker and node
                set vpn ipsec nat-traversal 'disable'
                """;

        assertEquals(
                List.of(new Expected("r.set", 4, "nat-t-missing")), List.copyOf(ExpectMarkers.read("r.set", text)));
    }

    @Test
    void stackedMarkersAndListsAllApplyToOneLine() {
        String text = """
                nat {
                    source {
                        /* EXPECT: snat-captures-tunnel-traffic */
                        /* EXPECT: nat-rule-unreachable, nat-into-tunnel-misses-policy */
                        rule 10 {
                """;

        assertEquals(
                List.of(
                        new Expected("r.boot", 5, "nat-into-tunnel-misses-policy"),
                        new Expected("r.boot", 5, "nat-rule-unreachable"),
                        new Expected("r.boot", 5, "snat-captures-tunnel-traffic")),
                List.copyOf(ExpectMarkers.read("r.boot", text)));
    }

    @Test
    void aMultiLineBlockCommentIsAllComment() {
        String text = """
                /*
                 * EXPECT: gre-not-protected
                 */
                interfaces {
                """;

        assertEquals(
                List.of(new Expected("r.boot", 4, "gre-not-protected")),
                List.copyOf(ExpectMarkers.read("r.boot", text)));
    }

    @Test
    void noMarkersExpectNothing() {
        assertEquals(List.of(), List.copyOf(ExpectMarkers.read("r.set", "set system host-name 'r'\n")));
    }
}
