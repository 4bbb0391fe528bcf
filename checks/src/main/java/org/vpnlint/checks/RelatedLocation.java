package org.vpnlint.checks;

import org.vpnlint.model.SourceLocation;

/** Another place that matters to a finding (the tunnel a NAT rule breaks, the peer on the other router). */
public record RelatedLocation(SourceLocation location, String message) {}
