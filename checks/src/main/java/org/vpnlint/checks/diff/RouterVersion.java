package org.vpnlint.checks.diff;

import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigTree;

/** One version of a router: its model and the word tree it was mapped from (for the changed lines). */
public record RouterVersion(Router router, ConfigTree tree) {}
