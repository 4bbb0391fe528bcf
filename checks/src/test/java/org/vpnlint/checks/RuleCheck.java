package org.vpnlint.checks;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vpnlint.checks.samples.ExpectMarkers;
import org.vpnlint.checks.samples.ExpectMarkers.Expected;
import org.vpnlint.checks.samples.SampleFile;
import org.vpnlint.model.Completeness;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.dialect.RouterMapper;
import org.vpnlint.solver.Z3Solver;

/**
 * Runs one rule on a few configurations, read by the real reader and mapper as the command line reads them, and
 * compares its findings with the configurations' {@code EXPECT:} markers (the samples' syntax, see
 * {@link ExpectMarkers}). The one way rule tests run a rule:
 *
 * <pre>{@code
 * RuleCheck.of(new NatTMissingRule())
 *         .config("branch.set", """
 *             set vpn ipsec nat-traversal 'disable'
 *             # EXPECT: nat-t-missing
 *             set vpn ipsec site-to-site peer 203.0.113.1 local-address '10.0.1.2'
 *             """)
 *         .expectMarkers();
 * }</pre>
 *
 * A configuration is taken as the whole router its author meant (test cases are routers cut down to what they are
 * about) unless {@link #asRead()} keeps the reader's own judgement of what a fragment shows. Routers built in code
 * ({@link #router}) carry no markers; assert on {@link #findings()} for them. Notes never count as findings to
 * expect, as in the samples test.
 */
public final class RuleCheck {
    private final Rule rule;
    private final List<Router> routers = new ArrayList<>();
    private final List<Network.NatDeclaration> natDeclarations = new ArrayList<>();
    private final Set<Expected> expected = new TreeSet<>();
    private Dialect dialect;
    private boolean asRead;

    private RuleCheck(Rule rule) {
        this.rule = rule;
    }

    public static RuleCheck of(Rule rule) {
        return new RuleCheck(rule);
    }

    /** Reads the configurations added after this call in {@code dialect} instead of detecting it. */
    public RuleCheck dialect(Dialect dialect) {
        this.dialect = dialect;
        return this;
    }

    /** Keeps each configuration added after this call as complete as the reader judges it (fragments stay ones). */
    public RuleCheck asRead() {
        this.asRead = true;
        return this;
    }

    /** A configuration (curly or {@code set} commands) with inline {@code EXPECT:} markers. */
    public RuleCheck config(String fileName, String text) {
        Router router =
                RouterMapper.map(ConfigReader.read(fileName, text), dialect).router();
        routers.add(asRead ? router : router.withCompleteness(Completeness.WHOLE));
        expected.addAll(ExpectMarkers.read(fileName, text));
        return this;
    }

    /** A file of the repository's {@code samples/rules} or {@code samples/pairs}, with its markers. */
    public RuleCheck sample(String samplePath) {
        SampleFile sample = SampleFile.load(samplePath);
        return config("samples/" + sample.path(), sample.text());
    }

    /** A router built in code; it brings no markers. */
    public RuleCheck router(Router router) {
        routers.add(router);
        return this;
    }

    /** A NAT in front of a router, as {@code .vpnlint.yaml} declares it. */
    public RuleCheck natDeclared(Network.NatDeclaration declaration) {
        natDeclarations.add(declaration);
        return this;
    }

    /** The rule's findings on all the routers together, notes included; the solver is made on first use. */
    public List<Finding> findings() {
        try (RuleContext context = new RuleContext(Z3Solver::new)) {
            return rule.check(new Network(routers, natDeclarations), context);
        }
    }

    /**
     * Fails unless the warnings and errors are exactly those the markers name, at the lines they name; returns all
     * findings so that a test can go on to check messages, fixes and traces.
     */
    public List<Finding> expectMarkers() {
        List<Finding> findings = findings();
        TreeMap<Expected, String> reported = new TreeMap<>();
        for (Finding finding : findings) {
            if (finding.level() == Level.NOTE) continue;
            reported.put(
                    new Expected(finding.location().file(), finding.location().line(), finding.ruleId()),
                    finding.message());
        }
        List<String> problems = new ArrayList<>();
        for (Expected missing : expected) {
            if (!reported.containsKey(missing)) problems.add("missing:    " + missing);
        }
        reported.forEach((finding, message) -> {
            if (!expected.contains(finding)) problems.add("unexpected: " + finding + ": " + message);
        });
        if (!problems.isEmpty()) fail(String.join("\n", problems));
        return findings;
    }

    /**
     * The router of a test configuration as {@link #config} checks it: read by the real reader and mapper (in
     * {@code dialect}, or detected when null) and taken as the whole router. For tests of the parts a rule is
     * built from.
     */
    public static Router wholeRouter(String fileName, String text, Dialect dialect) {
        return readRouter(fileName, text, dialect).withCompleteness(Completeness.WHOLE);
    }

    /** The router exactly as the reader and mapper see it, fragment or whole (see {@link #asRead()}). */
    public static Router readRouter(String fileName, String text, Dialect dialect) {
        return RouterMapper.map(ConfigReader.read(fileName, text), dialect).router();
    }

    /** The 1-based number of the first line of {@code text} containing {@code fragment}. */
    public static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) return i + 1;
        }
        throw new IllegalArgumentException("no line contains " + fragment);
    }
}
