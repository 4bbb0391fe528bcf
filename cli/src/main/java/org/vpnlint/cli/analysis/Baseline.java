package org.vpnlint.cli.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.cli.report.JsonOutput;

/**
 * Findings accepted as they are, so that a team can adopt vpnlint on an existing network and fail only on new
 * problems. A baseline holds fingerprints (rule id, file path relative to the project, subject; no line numbers),
 * with the rule, file and subject beside each one so that reviewers can read the file. It is sorted, so
 * regenerating it gives a small diff.
 */
public final class Baseline {
    static final int FORMAT_VERSION = 1;

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = Set.copyOf(fingerprints);
    }

    public boolean contains(String fingerprint) {
        return fingerprints.contains(fingerprint);
    }

    public static Baseline read(Path file) throws BaselineException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BaselineException(file + ":" + e.getLocation().getLineNr() + ": the baseline is not valid JSON");
        } catch (IOException e) {
            throw new BaselineException(
                    file + ": cannot read the baseline (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.path("findings").isArray()) {
            throw new BaselineException(file + ": not a vpnlint baseline (no \"findings\" list); write one with"
                    + " vpnlint check --write-baseline FILE");
        }
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode entry : root.path("findings")) {
            String fingerprint = entry.path("fingerprint").asText("");
            if (!fingerprint.isEmpty()) fingerprints.add(fingerprint);
        }
        return new Baseline(fingerprints);
    }

    /** Writes every given finding (suppressed ones are left out: they are accepted in the file itself). */
    public static void write(Path file, List<ReportedFinding> findings) throws BaselineException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode entries = root.putArray("findings");
        Map<String, ReportedFinding> byFingerprint = new LinkedHashMap<>();
        findings.stream()
                .filter(reported -> !reported.suppressed())
                .sorted(Comparator.comparing((ReportedFinding r) -> Fingerprint.normalisedPath(
                                r.finding().location().file()))
                        .thenComparing(r -> r.finding().ruleId())
                        .thenComparing(ReportedFinding::fingerprint))
                .forEach(reported -> byFingerprint.putIfAbsent(reported.fingerprint(), reported));
        for (ReportedFinding reported : byFingerprint.values()) {
            ObjectNode entry = entries.addObject();
            entry.put("fingerprint", reported.fingerprint());
            entry.put("ruleId", reported.finding().ruleId());
            entry.put(
                    "file",
                    Fingerprint.normalisedPath(reported.finding().location().file()));
            entry.put("subject", reported.finding().subject());
        }
        try {
            Files.writeString(file, JsonOutput.pretty(json, root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BaselineException(
                    file + ": cannot write the baseline (" + e.getClass().getSimpleName() + ")");
        }
    }
}
