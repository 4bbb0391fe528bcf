package org.vpnlint.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vpnlint.checks.diff.SaMode;
import org.vpnlint.cli.analysis.ExitCodes;
import org.vpnlint.cli.analysis.FailOn;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.cli.diff.DiffFindings;
import org.vpnlint.cli.diff.DiffJsonReport;
import org.vpnlint.cli.diff.DiffResult;
import org.vpnlint.cli.diff.DiffRun;
import org.vpnlint.cli.diff.DiffTextReport;
import org.vpnlint.cli.diff.VersionPair;
import org.vpnlint.cli.diff.VersionPairs;
import org.vpnlint.cli.report.GithubAnnotations;
import org.vpnlint.cli.report.SarifReport;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.solver.Z3Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vpnlint diff}: prove what a change does to the traffic of each router. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compare two versions of router configurations and prove which packets change fate (encrypted,"
                    + " cleartext, dropped, local; the tunnel, the interface, the header after NAT), or that none does.",
            "vpnlint diff OLD NEW (two files, or two directories whose routers are matched by path, else by host name);"
                    + " vpnlint diff --base REV [--staged] [PATH...] (the working tree or the index against a git revision).",
            "Exit codes: 0 no difference at or above --fail-on, 1 differences at or above it, 2 usage or input that"
                    + " could not be read, 3 internal error."
        })
final class DiffCommand implements Callable<Integer> {

    /** The output formats, as for check. */
    enum Format {
        TEXT,
        JSON,
        SARIF,
        GITHUB
    }

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "OLD NEW; with --base, the files or directories to compare (default: the working directory).")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--base",
            paramLabel = "REV",
            description = "Compare with this git revision (e.g. HEAD, origin/main).")
    String base;

    @Option(
            names = "--staged",
            description = "With --base (default HEAD): compare the staged files, as a pre-commit hook sees them.")
    boolean staged;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text (default), json, sarif or github (the default when GITHUB_ACTIONS is set).")
    Format format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(
            names = "--sa",
            paramLabel = "STATE",
            defaultValue = "both",
            description = "The tunnels' SA states compared: up, down or both (default: every SA up, then any SA down).")
    String saState;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            converter = FailOnOption.class,
            description =
                    "Lowest level that makes the exit code 1: error (default; encrypted traffic now in cleartext),"
                            + " warning (traffic now dropped), note (any change) or never.")
    FailOn failOn;

    @Option(
            names = "--dialect",
            paramLabel = "DIALECT",
            converter = DialectOption.class,
            description = "Read every file as this dialect instead of detecting it: " + DialectOption.CHOICES + ".")
    Dialect dialect;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show each witness's trace through the old and the new version, and notes.")
    boolean verbose;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    private final Console console;

    DiffCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        SaMode mode;
        try {
            mode = SaMode.valueOf(saState.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            console.err().println("vpnlint: --sa must be up, down or both, not '" + saState + "'");
            return ExitCodes.BAD_INPUT;
        }
        String revision = base != null ? base : staged ? "HEAD" : null;
        if (revision == null && paths.size() != 2) {
            console.err().println("vpnlint: diff needs OLD and NEW, or --base REV (see vpnlint diff --help)");
            return ExitCodes.BAD_INPUT;
        }
        List<Diagnostic> problems = new ArrayList<>();
        List<Path> resolved = paths.stream().map(this::resolve).toList();
        List<VersionPair> pairs = revision == null
                ? VersionPairs.ofPaths(resolved.get(0), resolved.get(1), console.workingDirectory(), problems)
                : VersionPairs.ofRevision(
                        revision,
                        staged,
                        resolved.isEmpty() ? List.of(console.workingDirectory()) : resolved,
                        console.workingDirectory(),
                        problems);
        DiffRun run = new DiffRun(dialect, mode, Z3Solver::new);
        DiffResult result = run.run(pairs, problems);
        for (InternalFailure failure : result.internalFailures()) {
            console.err()
                    .println("vpnlint: internal error: " + run.secrets().redact(failure.what()) + ". "
                            + Main.REPORT_HINT);
            if (debug && failure.cause() != null) failure.cause().printStackTrace(console.err());
        }
        Format chosen =
                format != null ? format : output == null && console.onGithubActions() ? Format.GITHUB : Format.TEXT;
        String report = run.secrets().redact(render(chosen, result));
        if (output == null) {
            console.out().print(report);
            console.out().flush();
        } else {
            try (Writer file = Files.newBufferedWriter(resolve(output), StandardCharsets.UTF_8)) {
                file.write(report);
            } catch (IOException e) {
                console.err()
                        .println("vpnlint: cannot write " + output + " ("
                                + e.getClass().getSimpleName() + ")");
                return ExitCodes.BAD_INPUT;
            }
        }
        console.err().flush();
        return result.exitCode(failOn != null ? failOn : FailOn.ERROR);
    }

    private String render(Format chosen, DiffResult result) throws IOException {
        StringWriter out = new StringWriter();
        switch (chosen) {
            case TEXT -> out.write(new DiffTextReport(verbose).render(result));
            case JSON -> new DiffJsonReport(Version.current()).write(result, out);
            case SARIF ->
                new SarifReport(Version.current(), SarifReport.directoryUri(console.workingDirectory()), false)
                        .write(DiffFindings.asAnalysis(result), out);
            case GITHUB -> new GithubAnnotations().write(DiffFindings.asAnalysis(result), out);
        }
        return out.toString();
    }

    private Path resolve(Path path) {
        return console.workingDirectory().resolve(path).normalize();
    }
}
