package org.vpnlint.datapath;

import org.vpnlint.model.SourceLocation;

/**
 * One recorded step of a replay: the stage, what happened, the configuration node that acted (null when the kernel
 * acted on its own) and the packet's header when the step ran.
 */
public record TraceStep(Stage stage, String detail, SourceLocation location, ConcreteHeader header) {}
