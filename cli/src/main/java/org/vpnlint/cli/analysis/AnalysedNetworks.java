package org.vpnlint.cli.analysis;

import java.util.List;
import org.vpnlint.checks.Network;

/**
 * What the audit report draws besides the findings: the networks the rules ran over (every router read, context
 * routers included), the ids of the rules that ran (the project may disable some), and the secrets of the input,
 * since model text the report prints must pass the same redaction as every other output.
 */
public record AnalysedNetworks(List<Network> networks, List<String> rulesRun, SecretValues secrets) {

    public static final AnalysedNetworks NONE = new AnalysedNetworks(List.of(), List.of(), new SecretValues());

    public AnalysedNetworks {
        networks = List.copyOf(networks);
        rulesRun = List.copyOf(rulesRun);
    }
}
