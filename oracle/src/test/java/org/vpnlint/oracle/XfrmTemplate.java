package org.vpnlint.oracle;

/**
 * The template of an XFRM policy: which SA a matching packet needs.
 *
 * @param tunnelSource      local IKE/ESP endpoint
 * @param tunnelDestination remote endpoint (the peer)
 * @param reqid             ties the policy to its SA; the oracle also uses it to tell which policy a packet matched,
 *                          so outbound policies of one scenario must have distinct reqids
 * @param mode              SA down ({@link TemplateMode#TUNNEL_REQUIRED}) or its SA-up stand-in
 */
public record XfrmTemplate(String tunnelSource, String tunnelDestination, int reqid, TemplateMode mode) {

    public XfrmTemplate {
        Ipv4Prefix.parse(tunnelSource);
        Ipv4Prefix.parse(tunnelDestination);
        if (reqid <= 0) {
            throw new IllegalArgumentException("reqid must be positive: " + reqid);
        }
    }

    String toIpArguments() {
        return "tmpl src " + tunnelSource + " dst " + tunnelDestination + " proto esp reqid " + reqid + " "
                + mode.toIpArguments();
    }
}
