package org.vpnlint.cli.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Network.NatDeclaration;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleBudgetExceeded;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.RuleRegistry;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.solver.Solver;

/**
 * One run of vpnlint without the command line: read every file, map each to a router, run the rules over each
 * network of routers (all of them, unless {@code .vpnlint.yaml} sets {@code networks:}), then decide what is
 * reported. The CLI, the samples runner and the benchmark all call
 * this class.
 *
 * <p>A file that cannot be read or parsed becomes diagnostics and the other files are still analysed. Findings are
 * kept only for the files being reported on (not for {@code --context} files), get the project's level overrides,
 * lose any secret the configuration contains, and are then split into suppressed, baselined and reported ones.
 */
public final class Analysis {
    private final List<Rule> rules;
    private final Supplier<Solver> solvers;

    public Analysis(List<Rule> rules, Supplier<Solver> solvers) {
        this.rules = List.copyOf(rules);
        this.solvers = solvers;
    }

    /** Every rule vpnlint has, with Z3 behind the solver (loaded only if a rule asks for it). */
    public static Analysis withAllRules() {
        return new Analysis(RuleRegistry.all(), new Z3Solvers());
    }

    public List<Rule> rules() {
        return rules;
    }

    public AnalysisResult run(AnalysisRequest request) {
        return run(request, RunSettings.defaults());
    }

    public AnalysisResult run(AnalysisRequest request, RunSettings settings) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<InternalFailure> failures = new ArrayList<>();
        long started = System.nanoTime();
        LoadedInputs inputs = load(request, diagnostics, failures, settings.listener());
        settings.listener().phaseFinished("read and map", Duration.ofNanos(System.nanoTime() - started));
        SecretValues secrets = inputs.secrets();

        started = System.nanoTime();
        List<Network> networks = networks(inputs, request);
        List<Finding> ruleFindings = runRules(networks, request.config(), failures, settings);
        settings.listener().phaseFinished("rules", Duration.ofNanos(System.nanoTime() - started));
        List<Finding> findings = ruleFindings.stream()
                .filter(finding ->
                        inputs.reportedNames().contains(finding.location().file()))
                .map(finding -> redacted(finding, secrets))
                .distinct()
                .sorted()
                .toList();

        Set<String> knownRuleIds = rules.stream().map(Rule::id).collect(Collectors.toSet());
        Suppressions suppressions = new Suppressions(inputs.reportedTrees(), knownRuleIds, request.today());
        List<ReportedFinding> reported = new ArrayList<>();
        List<ReportedFinding> suppressed = new ArrayList<>();
        int baselined = 0;
        for (Finding finding : findings) {
            String fingerprint = Fingerprint.of(finding);
            Suppression suppression = suppressions.silencing(finding);
            if (suppression != null) {
                suppressed.add(new ReportedFinding(finding, fingerprint, suppression));
            } else if (request.baseline() != null && request.baseline().contains(fingerprint)) {
                baselined++;
            } else {
                reported.add(new ReportedFinding(finding, fingerprint, null));
            }
        }
        for (Diagnostic problem : suppressions.diagnostics()) {
            // A file that did not parse completely gives fewer findings, so its suppressions may look useless.
            boolean unreliable = problem.code().equals("useless-suppression")
                    && inputs.filesWithErrors().contains(problem.location().file());
            if (!unreliable) diagnostics.add(problem);
        }

        List<Diagnostic> shownDiagnostics = diagnostics.stream()
                .map(d -> new Diagnostic(d.location(), d.level(), d.code(), secrets.redact(d.message())))
                .distinct()
                .sorted(Comparator.<Diagnostic>naturalOrder().thenComparing(Diagnostic::code))
                .toList();
        List<RuleMetadata> metadata = rules.stream()
                .map(Rule::metadata)
                .sorted(Comparator.comparing(RuleMetadata::id))
                .toList();
        List<InternalFailure> redactedFailures = failures.stream()
                .map(f -> new InternalFailure(secrets.redact(f.what()), f.cause()))
                .toList();
        List<String> rulesRun = metadata.stream()
                .map(RuleMetadata::id)
                .filter(id -> !request.config().disabledRules().contains(id))
                .toList();
        return new AnalysisResult(
                reported,
                suppressed,
                baselined,
                shownDiagnostics,
                List.copyOf(inputs.reportedNames()),
                inputs.routers().size(),
                metadata,
                redactedFailures,
                new AnalysedNetworks(networks, rulesRun, secrets));
    }

    /** The routers split into the networks the project configuration asks for (see {@link NetworkScope}). */
    private static List<Network> networks(LoadedInputs inputs, AnalysisRequest request) {
        List<NatDeclaration> nat = natDeclarations(request);
        return request.config().networks().group(inputs.routers().keySet()).values().stream()
                .map(files ->
                        new Network(files.stream().map(inputs.routers()::get).toList(), nat))
                .toList();
    }

    /**
     * What reading the inputs gave: every router by its file, and for the reported files their trees, names and
     * errors.
     */
    private record LoadedInputs(
            Map<Path, Router> routers,
            List<ConfigTree> reportedTrees,
            Set<String> reportedNames,
            Set<String> filesWithErrors,
            SecretValues secrets) {}

    private LoadedInputs load(
            AnalysisRequest request,
            List<Diagnostic> diagnostics,
            List<InternalFailure> failures,
            AnalysisListener listener) {
        List<Path> reportedFiles = InputFiles.expand(request.paths(), diagnostics);
        List<Path> contextPaths = new ArrayList<>(request.context());
        contextPaths.addAll(request.config().routers());
        Set<Path> contextFiles = new LinkedHashSet<>(InputFiles.expand(contextPaths, diagnostics));
        reportedFiles.forEach(contextFiles::remove);
        int total = reportedFiles.size() + contextFiles.size();
        int done = 0;

        LoadedInputs inputs = new LoadedInputs(
                new LinkedHashMap<>(), new ArrayList<>(), new TreeSet<>(), new TreeSet<>(), new SecretValues());
        for (Path file : reportedFiles) {
            LoadedRouter loaded = load(file, request, failures);
            inputs.secrets().collect(loaded.tree().root());
            diagnostics.addAll(loaded.diagnostics());
            if (loaded.diagnostics().stream().anyMatch(d -> d.level() == Level.ERROR)) {
                inputs.filesWithErrors().add(loaded.name());
            }
            if (loaded.router() != null) inputs.routers().put(file, declared(file, loaded.router(), request));
            inputs.reportedTrees().add(loaded.tree());
            inputs.reportedNames().add(loaded.name());
            listener.fileRead(loaded.name(), ++done, total);
        }
        for (Path file : contextFiles) {
            // Context files are not reported on in this run, so neither are their own diagnostics.
            LoadedRouter loaded = load(file, request, failures);
            inputs.secrets().collect(loaded.tree().root());
            if (loaded.router() != null) inputs.routers().put(file, declared(file, loaded.router(), request));
            listener.fileRead(loaded.name(), ++done, total);
        }
        return inputs;
    }

    /** The router with what {@code .vpnlint.yaml} declares about its file ({@code fragments:}). */
    private static Router declared(Path file, Router router, AnalysisRequest request) {
        DeclaredFragment declaration = request.config().fragmentOf(file);
        return declaration == null ? router : declaration.applyTo(router);
    }

    private LoadedRouter load(Path file, AnalysisRequest request, List<InternalFailure> failures) {
        String name = displayName(file, request.baseDirectory());
        try {
            return LoadedRouter.read(file, name, request.dialect());
        } catch (RuntimeException | VirtualMachineError e) {
            failures.add(new InternalFailure("reading " + name + " failed (" + failureName(e) + ")", e));
            return LoadedRouter.failed(name);
        }
    }

    private List<Finding> runRules(
            List<Network> networks, ProjectConfig config, List<InternalFailure> failures, RunSettings settings) {
        List<Finding> all = new ArrayList<>();
        Set<String> failedRules = new TreeSet<>();
        List<Rule> enabled = rules.stream()
                .filter(rule -> !config.disabledRules().contains(rule.id()))
                .toList();
        int total = enabled.size() * networks.size();
        int done = 0;
        for (Network network : networks) {
            // A solver of its own per network: the witnesses Z3 picks depend on the terms its context already
            // holds, so a network gives the same findings whatever else is in the run.
            RuleContext context = new RuleContext(solvers);
            try {
                for (Rule rule : enabled) {
                    settings.listener().ruleStarted(rule.id(), done, total);
                    long started = System.nanoTime();
                    Level override = config.ruleLevels().get(rule.id());
                    context.startRule(settings.ruleBudget());
                    try {
                        for (Finding finding : rule.check(network, context)) {
                            all.add(override != null ? finding.withLevel(override) : finding);
                        }
                    } catch (RuntimeException e) {
                        RuleBudgetExceeded budget = budgetExceeded(e);
                        if (budget != null) {
                            // what the rule proved before its budget ran out is reported, then the note
                            for (Finding finding : budget.proved()) {
                                all.add(override != null ? finding.withLevel(override) : finding);
                            }
                            all.addAll(BudgetNote.of(rule, network, budget.budget()));
                        } else if (failedRules.add(rule.id())) {
                            // A rule that fails in several networks is reported once.
                            failures.add(
                                    new InternalFailure("rule " + rule.id() + " failed (" + failureName(e) + ")", e));
                        }
                    } catch (VirtualMachineError e) {
                        // Out of memory or stack: what the context holds may be half made, so the next rule gets a
                        // fresh one (and the memory this one held is free again).
                        context.close();
                        context = new RuleContext(solvers);
                        if (failedRules.add(rule.id())) {
                            failures.add(
                                    new InternalFailure("rule " + rule.id() + " failed (" + failureName(e) + ")", e));
                        }
                    }
                    settings.listener().ruleFinished(rule.id(), Duration.ofNanos(System.nanoTime() - started));
                    done++;
                }
            } finally {
                context.close();
            }
        }
        return all;
    }

    /** The budget exception behind a rule's failure, also when a worker thread of the rule met it. */
    private static RuleBudgetExceeded budgetExceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleBudgetExceeded budget) return budget;
        }
        return null;
    }

    /** One line for the user: what kind of failure, with the heap's size when memory ran out. */
    private static String failureName(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "OutOfMemoryError: the Java heap is limited to "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB; a larger -Xmx in JAVA_TOOL_OPTIONS gives it more";
        }
        if (failure instanceof StackOverflowError)
            return "StackOverflowError: a larger -Xss in JAVA_TOOL_OPTIONS gives it more";
        return failure.getClass().getSimpleName();
    }

    private static List<NatDeclaration> natDeclarations(AnalysisRequest request) {
        return request.config().nat().stream()
                .map(nat -> new NatDeclaration(
                        nat.routerFile() != null
                                ? displayName(nat.routerFile(), request.baseDirectory())
                                : nat.router(),
                        nat.publicAddress(),
                        nat.kind()))
                .toList();
    }

    /** The file's path relative to the base directory when it lies below it, else absolute; always with '/'. */
    public static String displayName(Path file, Path baseDirectory) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(baseDirectory) ? baseDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    private static Finding redacted(Finding finding, SecretValues secrets) {
        List<RelatedLocation> related = finding.related().stream()
                .map(r -> new RelatedLocation(r.location(), secrets.redact(r.message())))
                .toList();
        List<TraceStep> trace =
                finding.trace().stream().map(step -> redacted(step, secrets)).toList();
        return finding.toBuilder()
                .message(secrets.redact(finding.message()))
                .related(related)
                .trace(trace)
                .fix(secrets.redact(finding.fix()))
                .subject(secrets.redact(finding.subject()))
                .build();
    }

    /**
     * The step itself, or when its words show a secret, the redacted words in its place (the header's fields go
     * too when its text showed one).
     */
    private static TraceStep redacted(TraceStep step, SecretValues secrets) {
        String detail = StepText.detail(step);
        String header = StepText.header(step);
        String safeDetail = secrets.redact(detail);
        String safeHeader = secrets.redact(header);
        boolean headerSafe = Objects.equals(header, safeHeader);
        if (detail.equals(safeDetail) && headerSafe) return step;
        return new TraceStep.Note(
                step.stageId(), safeDetail, step.location(), safeHeader, headerSafe ? step.header() : null);
    }
}
