package org.vpnlint.checks.ike.pairing;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vpnlint.checks.Network;
import org.vpnlint.model.Router;

/**
 * Decides whether a peer end sits behind NAT as seen from its partner. A declaration in {@code .vpnlint.yaml}
 * wins. Otherwise NAT is inferred: the end's IKE address is private (RFC 1918 / CGNAT) while the partner names a
 * public address that no interface of the end's router has, so that address must be the NAT's. When the partner
 * names no address at all (an {@code @id} or {@code any} peer), the public address stays unknown.
 */
public final class NatInference {

    private final List<Network.NatDeclaration> declarations;

    public NatInference(List<Network.NatDeclaration> declarations) {
        this.declarations = List.copyOf(declarations);
    }

    /** The NAT in front of {@code end} on its way to {@code partner}. */
    public NatInFront natInFront(PeerEnd end, PeerEnd partner) {
        Optional<Network.NatDeclaration> declared = declarationFor(end.router());
        if (declared.isPresent()) {
            Network.NatDeclaration declaration = declared.get();
            IPAddress publicAddress = declaration.publicAddress() == null
                    ? null
                    : new IPAddressString(declaration.publicAddress()).getAddress();
            NatInFront.Kind kind = declaration.kind() == Network.NatDeclaration.Kind.MASQUERADE
                    ? NatInFront.Kind.MASQUERADE
                    : NatInFront.Kind.ONE_TO_ONE;
            return new NatInFront(
                    kind,
                    publicAddress == null ? null : publicAddress.withoutPrefixLength(),
                    NatInFront.Origin.DECLARED,
                    "declared in .vpnlint.yaml");
        }
        IPAddress ikeAddress = end.routerIkeAddress();
        boolean privateEnd = ikeAddress == null || AddressScope.isPrivate(ikeAddress);
        if (!privateEnd) return NatInFront.NONE;
        for (IPAddress named : partner.remoteAddresses()) {
            if (end.routerHasAddress(named)) return NatInFront.NONE;
        }
        for (IPAddress named : partner.remoteAddresses()) {
            if (!AddressScope.isPrivate(named)) {
                return new NatInFront(
                        NatInFront.Kind.ONE_TO_ONE,
                        named,
                        NatInFront.Origin.INFERRED,
                        partner.router().file() + " names " + named.toCanonicalString()
                                + ", which no interface of " + end.router().file() + " has, while its IKE address "
                                + (ikeAddress == null ? "is dynamic" : ikeAddress.toCanonicalString() + " is private"));
            }
        }
        if (ikeAddress != null && partner.ikeAddress() != null && !AddressScope.isPrivate(partner.ikeAddress())) {
            return new NatInFront(
                    NatInFront.Kind.MASQUERADE,
                    null,
                    NatInFront.Origin.INFERRED,
                    end.router().file() + " speaks IKE from the private address " + ikeAddress.toCanonicalString()
                            + " to the public " + partner.ikeAddress().toCanonicalString()
                            + ", and " + partner.router().file() + " names no address for it");
        }
        return NatInFront.NONE;
    }

    private Optional<Network.NatDeclaration> declarationFor(Router router) {
        String fileName = router.file() == null
                ? ""
                : Path.of(router.file()).getFileName().toString();
        return declarations.stream()
                .filter(d -> d.router().equals(router.name())
                        || d.router().equals(router.file())
                        || d.router().equals(fileName))
                .findFirst();
    }
}
