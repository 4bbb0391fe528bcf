package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.Router;

/**
 * A static route the kernel would not install (an absent interface, a next hop on no connected subnet) is left out of
 * the compiled routes and noted, in the main table and in a policy-routing table alike; the note names the table.
 */
class StaticRouteNotesTest {

    @Test
    void routesTheKernelCannotInstallAreNotedWithTheirTable() {
        RouterFixture fixture = SeedScenarioTest.firstArticle()
                .route("172.16.0.0/12", "198.18.0.1")
                .interfaceRoute("172.20.0.0/16", "eth9")
                .tableRoute(10, "0.0.0.0/0", "198.18.0.1");
        Router router = fixture.policyRoute(
                        "LAN",
                        List.of("eth1"),
                        fixture.policyRule(10, "192.168.10.0/24", PolicyRouteAction.SET_TABLE, 10))
                .build();

        CompiledRouter compiled = CompiledRouter.compile(router, AddressFamily.IPV4);

        List<String> notes = compiled.notes();
        assertTrue(
                notes.contains(
                        "route 172.16.0.0/12: next hop 198.18.0.1 is on no connected subnet; the route is inactive"),
                notes.toString());
        assertTrue(
                notes.contains("route 172.20.0.0/16 names interface eth9, which is absent or disabled"),
                notes.toString());
        assertTrue(
                notes.contains(
                        "route 0.0.0.0/0 in table 10: next hop 198.18.0.1 is on no connected subnet; the route is inactive"),
                notes.toString());
        List<RouteEntry> left = compiled.routes().stream()
                .filter(r -> r.prefix().toString().startsWith("172.") || r.table() == RouteEntry.Table.POLICY)
                .toList();
        assertEquals(List.of(), left);
    }
}
