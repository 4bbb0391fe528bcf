package org.vpnlint.checks.ike.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Router;

class RouterSecretsTest {

    @Test
    void aLegacyPeerSecretIsKeyedByLocalAddressPeerAndIds() {
        Router branch = SiteBuilder.vyos13("branch.conf")
                .wan("10.1.0.2/24")
                .peer("203.0.113.2")
                .localId("@branch")
                .remoteId("@hq")
                .build();

        LoadedSecret secret = RouterSecrets.of(branch).all().get(0);

        assertEquals(
                List.of(
                        IkeIdentity.parse("10.1.0.2"),
                        IkeIdentity.parse("203.0.113.2"),
                        IkeIdentity.parse("@branch"),
                        IkeIdentity.parse("@hq")),
                secret.owners());
    }

    @Test
    void anIdPeerSecretMatchesEveryIdentityThroughPercentAny() {
        Router hq = SiteBuilder.vyos13("hq.conf")
                .wan("203.0.113.2/24")
                .peer("@branch")
                .build();

        assertTrue(RouterSecrets.of(hq)
                .lookup(IkeIdentity.ANY, IkeIdentity.parse("10.99.0.1"))
                .isPresent());
    }

    @Test
    void aVyos14SecretIsFoundOnlyByOneOfItsIds() {
        Router hq = SiteBuilder.vyos14("hq.conf")
                .wan("203.0.113.2/24")
                .peer("branch")
                .remoteAddress("198.51.100.2")
                .pskIds("198.51.100.2")
                .build();
        RouterSecrets secrets = RouterSecrets.of(hq);

        assertTrue(secrets.lookup(IkeIdentity.ANY, IkeIdentity.parse("198.51.100.2"))
                .isPresent());
        assertTrue(
                secrets.lookup(IkeIdentity.ANY, IkeIdentity.parse("10.1.0.2")).isEmpty());
    }
}
