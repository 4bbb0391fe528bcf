package org.vpnlint.checks.diff;

import java.util.List;

/**
 * What a change does to one router's traffic.
 *
 * @param proved      true when the search for further differences ended in a proof (UNSAT) for every address family
 *                    and SA state compared; false when a solver timeout or the class limit stopped it
 * @param differences the classes of packets whose fate changes, each replayed on both versions
 * @param notes       what was not compared or not decided (timeouts, interfaces only one version has, limits)
 */
public record RouterImpact(
        String beforeFile, String afterFile, boolean proved, List<FateDifference> differences, List<String> notes) {

    public RouterImpact {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** "No traffic changes fate" is proved. */
    public boolean provedUnchanged() {
        return proved && differences.isEmpty();
    }
}
