package org.vpnlint.datapath;

/**
 * The verdict of a filter hook ({@link FilterEvaluation#ACCEPT}, {@code DROP}, {@code REJECT}) and the rule or
 * default action that gave it (an id of {@link CompiledFirewall#ref(int)}).
 */
public record FilterOutcome<V>(V code, V rule) {}
