package org.vpnlint.cli.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Network.NatDeclaration;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.RuleRegistry;
import org.vpnlint.checks.TraceStep;
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
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<InternalFailure> failures = new ArrayList<>();
        LoadedInputs inputs = load(request, diagnostics, failures);
        SecretValues secrets = inputs.secrets();

        List<Network> networks = networks(inputs, request);
        List<Finding> findings = runRules(networks, request.config(), failures).stream()
                .filter(finding -> inputs.reportedNames().contains(finding.location().file()))
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
        List<RuleMetadata> metadata = rules.stream().map(Rule::metadata)
                .sorted(Comparator.comparing(RuleMetadata::id)).toList();
        List<InternalFailure> redactedFailures = failures.stream()
                .map(f -> new InternalFailure(secrets.redact(f.what()), f.cause())).toList();
        List<String> rulesRun = metadata.stream().map(RuleMetadata::id)
                .filter(id -> !request.config().disabledRules().contains(id)).toList();
        return new AnalysisResult(reported, suppressed, baselined, shownDiagnostics,
                List.copyOf(inputs.reportedNames()), inputs.routers().size(), metadata, redactedFailures,
                new AnalysedNetworks(networks, rulesRun, secrets));
    }

    /** The routers split into the networks the project configuration asks for (see {@link NetworkScope}). */
    private static List<Network> networks(LoadedInputs inputs, AnalysisRequest request) {
        List<NatDeclaration> nat = natDeclarations(request);
        return request.config().networks().group(inputs.routers().keySet()).values().stream()
                .map(files -> new Network(files.stream().map(inputs.routers()::get).toList(), nat))
                .toList();
    }

    /**
     * What reading the inputs gave: every router by its file, and for the reported files their trees, names and
     * errors.
     */
    private record LoadedInputs(Map<Path, Router> routers, List<ConfigTree> reportedTrees, Set<String> reportedNames,
                                Set<String> filesWithErrors, SecretValues secrets) {
    }

    private LoadedInputs load(AnalysisRequest request, List<Diagnostic> diagnostics, List<InternalFailure> failures) {
        List<Path> reportedFiles = InputFiles.expand(request.paths(), diagnostics);
        List<Path> contextPaths = new ArrayList<>(request.context());
        contextPaths.addAll(request.config().routers());
        Set<Path> contextFiles = new LinkedHashSet<>(InputFiles.expand(contextPaths, diagnostics));
        reportedFiles.forEach(contextFiles::remove);

        LoadedInputs inputs = new LoadedInputs(new LinkedHashMap<>(), new ArrayList<>(), new TreeSet<>(), new TreeSet<>(),
                new SecretValues());
        for (Path file : reportedFiles) {
            LoadedRouter loaded = load(file, request, failures);
            inputs.secrets().collect(loaded.tree().root());
            diagnostics.addAll(loaded.diagnostics());
            if (loaded.diagnostics().stream().anyMatch(d -> d.level() == Level.ERROR)) {
                inputs.filesWithErrors().add(loaded.name());
            }
            if (loaded.router() != null) inputs.routers().put(file, loaded.router());
            inputs.reportedTrees().add(loaded.tree());
            inputs.reportedNames().add(loaded.name());
        }
        for (Path file : contextFiles) {
            // Context files are not reported on in this run, so neither are their own diagnostics.
            LoadedRouter loaded = load(file, request, failures);
            inputs.secrets().collect(loaded.tree().root());
            if (loaded.router() != null) inputs.routers().put(file, loaded.router());
        }
        return inputs;
    }

    private LoadedRouter load(Path file, AnalysisRequest request, List<InternalFailure> failures) {
        String name = displayName(file, request.baseDirectory());
        try {
            return LoadedRouter.read(file, name, request.dialect());
        } catch (RuntimeException e) {
            failures.add(new InternalFailure("reading " + name + " failed (" + e.getClass().getSimpleName() + ")", e));
            return LoadedRouter.failed(name);
        }
    }

    private List<Finding> runRules(List<Network> networks, ProjectConfig config, List<InternalFailure> failures) {
        List<Finding> all = new ArrayList<>();
        Set<String> failedRules = new TreeSet<>();
        for (Network network : networks) {
            // A solver of its own per network: the witnesses Z3 picks depend on the terms its context already
            // holds, so a network gives the same findings whatever else is in the run.
            RuleContext context = new RuleContext(solvers);
            try {
                for (Rule rule : rules) {
                    if (config.disabledRules().contains(rule.id())) continue;
                    Level override = config.ruleLevels().get(rule.id());
                    try {
                        for (Finding finding : rule.check(network, context)) {
                            all.add(override != null ? finding.withLevel(override) : finding);
                        }
                    } catch (RuntimeException e) {
                        // A rule that fails in several networks is reported once.
                        if (failedRules.add(rule.id())) {
                            failures.add(new InternalFailure("rule " + rule.id() + " failed ("
                                    + e.getClass().getSimpleName() + ")", e));
                        }
                    }
                }
            } finally {
                context.close();
            }
        }
        return all;
    }

    private static List<NatDeclaration> natDeclarations(AnalysisRequest request) {
        return request.config().nat().stream()
                .map(nat -> new NatDeclaration(
                        nat.routerFile() != null ? displayName(nat.routerFile(), request.baseDirectory()) : nat.router(),
                        nat.publicAddress(), nat.kind()))
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
                .map(r -> new RelatedLocation(r.location(), secrets.redact(r.message()))).toList();
        List<TraceStep> trace = finding.trace().stream()
                .map(s -> new TraceStep(s.stage(), secrets.redact(s.detail()), s.location(), secrets.redact(s.header()),
                        s.fields()))
                .toList();
        return new Finding(finding.ruleId(), finding.level(), secrets.redact(finding.message()), finding.location(),
                related, finding.witness(), trace, secrets.redact(finding.fix()), secrets.redact(finding.subject()));
    }
}
