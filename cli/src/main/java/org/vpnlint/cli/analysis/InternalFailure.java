package org.vpnlint.cli.analysis;

/**
 * A bug in vpnlint met during a run (a rule or mapper threw): the run goes on with the other files and rules,
 * then exits 3. {@code what} is one line for the user; {@code cause} is printed only with {@code --debug}.
 */
public record InternalFailure(String what, Throwable cause) {}
