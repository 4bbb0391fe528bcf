package org.vpnlint.checks.ike.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IkeIdentityTest {

    @Test
    void aLeadingAtMakesAnFqdnWithoutTheAt() {
        assertEquals(new IkeIdentity(IkeIdentity.Type.FQDN, "branch"), IkeIdentity.parse("@branch"));
    }

    @Test
    void aBareNameIsAnFqdnTooAndEqualsTheAtForm() {
        assertEquals(IkeIdentity.parse("@branch.example"), IkeIdentity.parse("branch.example"));
    }

    @Test
    void onlyPercentAnyAndTheZeroAddressAreWildcards() {
        assertTrue(IkeIdentity.parse("%any").isAny());
        assertTrue(IkeIdentity.parse("0.0.0.0").isAny());
        assertFalse(IkeIdentity.parse("any").isAny(), "strongSwan reads a bare 'any' as an FQDN");
    }

    @Test
    void anAddressIdentityIsAcceptedOnlyWhereThatAddressOrAnyIsConfigured() {
        IkeIdentity sent = IkeIdentity.parse("10.1.0.2");
        assertEquals(IkeIdentity.Type.ADDRESS, sent.type());
        assertTrue(sent.satisfies(IkeIdentity.ANY));
        assertFalse(sent.satisfies(IkeIdentity.parse("198.51.100.2")));
    }
}
