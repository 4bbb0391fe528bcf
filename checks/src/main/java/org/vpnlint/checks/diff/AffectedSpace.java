package org.vpnlint.checks.diff;

/**
 * The packets around a witness that are proved to change fate the same way: every packet from {@code sources} to
 * {@code destinations} of {@code traffic} (e.g. "any protocol", "tcp", "tcp 1024 → 22"), arriving where the witness
 * arrives, with the witness's SA states. The destination prefix is the largest around the witness's destination
 * (with its source), the source prefix the largest around its source (with those destinations). {@code widest} is
 * false when a solver timeout cut that search short: the space is still proved, a wider one may be too.
 */
public record AffectedSpace(String sources, String destinations, String traffic, boolean widest) {

    /** E.g. "from 192.168.10.0/24 to 10.10.10.0/24, any protocol". */
    public String describe() {
        return "from " + sources + " to " + destinations + ", " + traffic;
    }
}
