package org.vpnlint.checks.ike;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.ike.pairing.AddressScope;
import org.vpnlint.solver.Z3Solver;

/** The solver picks a public address a NAT could show that none of the configured addresses equals. */
class NatAddressExampleTest {

    @Test
    void theExampleIsPublicAndNoneOfTheNamedAddresses() {
        IPAddress named = new IPAddressString("198.51.100.9").getAddress();
        try (Z3Solver solver = new Z3Solver()) {
            IPAddress example = NatAddressExample.outside(List.of(named), new RuleContext(() -> solver));

            assertNotNull(example);
            assertNotEquals(named, example);
            assertFalse(AddressScope.isPrivate(example), example.toString());
            assertFalse(example.isLoopback() || example.isMulticast() || example.isLinkLocal(), example.toString());
        }
    }
}
