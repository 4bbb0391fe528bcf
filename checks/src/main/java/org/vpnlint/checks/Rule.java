package org.vpnlint.checks;

import java.util.List;

/**
 * One check. A rule looks at the routers of a {@link Network} and reports {@link Finding}s. Rules that prove
 * something ask the solver for a witness packet and replay it through the concrete datapath before reporting.
 */
public interface Rule {

    RuleMetadata metadata();

    List<Finding> check(Network network, RuleContext context);

    default String id() {
        return metadata().id();
    }
}
