package org.vpnlint.dist;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.vpnlint.cli.Main;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * What is generated from the picocli command model (the same one {@code --help} prints): the bash completion
 * script (picocli's AutoComplete; zsh runs it through bashcompinit) and one man page per command, first as
 * AsciiDoc (picocli's ManPageGenerator) and then as roff (Asciidoctor's manpage converter). The results are committed
 * under docs/ and packed into the archive; {@link CommandDocsTest} fails when they are stale.
 */
final class CommandDocs {
    static final String REGENERATE = "mvn -B -ntp -pl dist -am test -Dtest=CommandDocsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dvpnlint.regenerate=true";

    private CommandDocs() {}

    static String completion() {
        return AutoComplete.bash("vpnlint", Main.commandTree());
    }

    /** File name (e.g. {@code vpnlint-check.adoc}) to AsciiDoc, for the tool and each of its commands. */
    static Map<String, String> manPagesAsciidoc() {
        Map<String, String> pages = new LinkedHashMap<>();
        for (CommandLine command : everyCommand(Main.commandTree())) {
            StringWriter text = new StringWriter();
            try (PrintWriter out = new PrintWriter(text)) {
                ManPageGenerator.writeSingleManPage(out, command.getCommandSpec());
            }
            pages.put(command.getCommandSpec().qualifiedName("-") + ".adoc", text.toString());
        }
        return pages;
    }

    /** The same pages as roff ({@code vpnlint-check.1}), converted by Asciidoctor. */
    static Map<String, String> manPagesRoff(Map<String, String> asciidoc) {
        Map<String, String> pages = new LinkedHashMap<>();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            for (Map.Entry<String, String> page : asciidoc.entrySet()) {
                // A fixed date keeps the output byte-identical from one build to the next.
                Options options = Options.builder()
                        .backend("manpage")
                        .standalone(true)
                        .safe(SafeMode.SAFE)
                        .attributes(Attributes.builder()
                                .attribute("reproducible", "")
                                .attribute("docdate", "")
                                .attribute("revdate", "")
                                .build())
                        .build();
                String name = page.getKey().replaceFirst("\\.adoc$", ".1");
                pages.put(name, asciidoctor.convert(page.getValue(), options));
            }
        }
        return pages;
    }

    private static List<CommandLine> everyCommand(CommandLine root) {
        List<CommandLine> commands = new ArrayList<>();
        commands.add(root);
        for (CommandLine sub : root.getSubcommands().values()) commands.addAll(everyCommand(sub));
        return commands;
    }
}
