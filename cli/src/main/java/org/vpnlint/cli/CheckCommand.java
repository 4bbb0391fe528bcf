package org.vpnlint.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vpnlint.checks.Rule;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.AnalysisListener;
import org.vpnlint.cli.analysis.AnalysisRequest;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.Baseline;
import org.vpnlint.cli.analysis.BaselineException;
import org.vpnlint.cli.analysis.ExitCodes;
import org.vpnlint.cli.analysis.FailOn;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.cli.analysis.ProjectConfig;
import org.vpnlint.cli.analysis.ProjectConfigException;
import org.vpnlint.cli.analysis.RunSettings;
import org.vpnlint.cli.progress.ProgressLine;
import org.vpnlint.cli.progress.TimingTable;
import org.vpnlint.cli.report.GithubAnnotations;
import org.vpnlint.cli.report.GitlabCodeQuality;
import org.vpnlint.cli.report.JsonReport;
import org.vpnlint.cli.report.Report;
import org.vpnlint.cli.report.SarifReport;
import org.vpnlint.cli.report.TextReport;
import org.vpnlint.cli.report.html.HtmlReport;
import org.vpnlint.model.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vpnlint check}: analyse router configurations and report what is wrong. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Analyse router configurations (files, or directories searched for config.boot, *.conf,"
                    + " *.boot, *.set, *.vyos) as one network (unless .vpnlint.yaml sets networks:) and report the problems"
                    + " found.",
            "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, configuration"
                    + " or input that could not be parsed, 3 internal error."
        })
final class CheckCommand implements Callable<Integer> {

    /**
     * The output formats; {@code github} prints GitHub Actions workflow annotations, {@code gitlab} writes GitLab's
     * Code Quality report, {@code html} the audit page.
     */
    enum Format {
        TEXT,
        JSON,
        SARIF,
        GITHUB,
        GITLAB,
        HTML
    }

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Configuration files or directories to report on.")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text (default), json, sarif, github (the default when GITHUB_ACTIONS is set), gitlab"
                    + " (Code Quality) or html (an audit page: summary, network drawing, tunnel inventory, findings;"
                    + " use with -o).")
    Format format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            converter = FailOnOption.class,
            description = "Lowest level that makes the exit code 1: error (default), warning, note or never.")
    FailOn failOn;

    @Option(
            names = "--dialect",
            paramLabel = "DIALECT",
            converter = DialectOption.class,
            description = "Read every file as this dialect instead of detecting it: " + DialectOption.CHOICES + ".")
    Dialect dialect;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show the packet's trace through the router, related lines and notes.")
    boolean verbose;

    @Option(
            names = "--context",
            paramLabel = "PATH",
            description = "Also load these routers for cross-router rules, without reporting on them (repeatable).")
    List<Path> context = new ArrayList<>();

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Do not report findings recorded in this baseline.")
    Path baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description = "Record every current finding in FILE (and report nothing else).")
    Path writeBaseline;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Project configuration to use instead of the nearest .vpnlint.yaml above the inputs.")
    Path config;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @Option(
            names = "--select",
            paramLabel = "RULE",
            split = ",",
            description = "Run only these rules (comma-separated; also limited by .vpnlint.yaml).")
    List<String> select = new ArrayList<>();

    @Option(
            names = "--ignore",
            paramLabel = "RULE",
            split = ",",
            description = "Do not run these rules (comma-separated; in addition to .vpnlint.yaml).")
    List<String> ignore = new ArrayList<>();

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress line on standard error.")
    boolean quiet;

    @Option(
            names = "--timings",
            description = "Print the time of each phase and rule to standard error (also with -v).")
    boolean timings;

    @Option(
            names = "--rule-budget",
            paramLabel = "SECONDS",
            description =
                    "Time one rule may take on one network before it stops with a could-not-decide note (default: 60).")
    Integer ruleBudget;

    private final Console console;
    private final Analysis analysis;

    CheckCommand(Console console, Analysis analysis) {
        this.console = console;
        this.analysis = analysis;
    }

    @Override
    public Integer call() throws IOException {
        Set<String> ruleIds = analysis.rules().stream().map(Rule::id).collect(Collectors.toSet());
        ProjectConfig project;
        Baseline accepted = null;
        try {
            project = RuleSelection.apply(projectConfig(ruleIds), ruleIds, select, ignore);
            if (baseline != null && writeBaseline == null) accepted = Baseline.read(resolve(baseline));
        } catch (ProjectConfigException | BaselineException | IllegalArgumentException e) {
            console.err().println("vpnlint: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (ruleBudget != null && ruleBudget <= 0) {
            console.err().println("vpnlint: --rule-budget must be a positive number of seconds");
            return ExitCodes.BAD_INPUT;
        }
        List<Path> inputs = paths.stream().map(this::resolve).toList();
        List<Path> contextPaths = context.stream().map(this::resolve).toList();
        AnalysisRequest request = new AnalysisRequest(
                inputs, contextPaths, dialect, project, accepted, console.workingDirectory(), LocalDate.now());
        TimingTable timingTable = timings || verbose ? new TimingTable() : null;
        ProgressLine progress = console.errTerminal() && !quiet ? new ProgressLine(console.err()) : null;
        List<AnalysisListener> listeners = new ArrayList<>();
        if (timingTable != null) listeners.add(timingTable);
        if (progress != null) listeners.add(progress);
        RunSettings settings = new RunSettings(
                ruleBudget != null ? Duration.ofSeconds(ruleBudget) : RunSettings.DEFAULT_RULE_BUDGET,
                AnalysisListener.all(listeners));
        AnalysisResult result = analysis.run(request, settings);
        if (progress != null) progress.clear();
        reportInternalFailures(result);
        long reportStarted = System.nanoTime();
        int exitCode = report(result, project);
        if (timingTable != null) {
            timingTable.phase("report", Duration.ofNanos(System.nanoTime() - reportStarted));
            timingTable.print(console.err());
        }
        return exitCode;
    }

    /** Writes the report (or the baseline) and gives the exit code. */
    private int report(AnalysisResult result, ProjectConfig project) throws IOException {
        FailOn threshold = failOn != null ? failOn : project.failOn() != null ? project.failOn() : FailOn.ERROR;

        if (writeBaseline != null) {
            try {
                Baseline.write(resolve(writeBaseline), result.findings());
            } catch (BaselineException e) {
                console.err().println("vpnlint: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            console.err().println("vpnlint: recorded " + result.findings().size() + " findings in " + writeBaseline);
            return result.exitCode(FailOn.NEVER);
        }

        // Annotations are for the Actions log; a report written to a file stays text unless asked otherwise.
        Format chosen =
                format != null ? format : output == null && console.onGithubActions() ? Format.GITHUB : Format.TEXT;
        if (output == null) {
            report(chosen, console.colour()).write(result, console.out());
            console.out().flush();
        } else {
            try (Writer file = Files.newBufferedWriter(resolve(output), StandardCharsets.UTF_8)) {
                report(chosen, false).write(result, file);
            } catch (IOException e) {
                console.err()
                        .println("vpnlint: cannot write " + output + " ("
                                + e.getClass().getSimpleName() + ")");
                return ExitCodes.BAD_INPUT;
            }
        }
        return result.exitCode(threshold);
    }

    private Report report(Format chosen, boolean colour) {
        return switch (chosen) {
            case TEXT -> new TextReport(verbose, colour);
            case GITHUB -> new GithubAnnotations();
            case GITLAB -> new GitlabCodeQuality();
            case JSON -> new JsonReport(Version.current());
            case SARIF ->
                new SarifReport(
                        Version.current(), SarifReport.directoryUri(console.workingDirectory()), baseline != null);
            case HTML ->
                new HtmlReport(
                        Version.current(),
                        console.workingDirectory(),
                        output == null
                                ? console.workingDirectory()
                                : resolve(output).getParent());
        };
    }

    private ProjectConfig projectConfig(Set<String> ruleIds) throws ProjectConfigException {
        Path file = config != null ? resolve(config) : ProjectConfig.findUpwards(resolve(paths.get(0)));
        if (file == null) return ProjectConfig.none();
        if (!Files.isRegularFile(file)) throw new ProjectConfigException(file.toString(), 1, "no such file");
        return ProjectConfig.load(file, ruleIds);
    }

    private void reportInternalFailures(AnalysisResult result) {
        for (InternalFailure failure : result.internalFailures()) {
            console.err().println("vpnlint: internal error: " + failure.what() + ". " + Main.REPORT_HINT);
            if (debug && failure.cause() != null) failure.cause().printStackTrace(console.err());
        }
        console.err().flush();
    }

    private Path resolve(Path path) {
        return console.workingDirectory().resolve(path).normalize();
    }
}
