package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.report.RuleDocumentation;

/** rules.md at the repository root is generated from the rules' metadata and must not go stale. */
class RulesMarkdownTest {

    @Test
    void theCommittedRulesMdIsUpToDate() throws IOException {
        Path committed = RepositoryRoot.path().resolve("rules.md");
        String generated = RuleDocumentation.markdown(
                RulesCommand.sorted(Analysis.withAllRules().rules()));

        assertTrue(Files.exists(committed), "rules.md is missing; generate it with " + RuleDocumentation.REGENERATE);
        assertEquals(
                generated,
                Files.readString(committed, StandardCharsets.UTF_8),
                "rules.md is stale; regenerate it with " + RuleDocumentation.REGENERATE);
    }

    @Test
    void theRulesCommandPrintsTheSameMarkdown() {
        CliRun run = CliRun.in(RepositoryRoot.path(), Analysis.withAllRules(), "rules", "--markdown");

        assertEquals(
                RuleDocumentation.markdown(
                        RulesCommand.sorted(Analysis.withAllRules().rules())),
                run.out());
    }
}
