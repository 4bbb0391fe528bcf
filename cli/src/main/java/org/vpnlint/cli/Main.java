package org.vpnlint.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vpnlint.checks.Rule;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code vpnlint} command line. Exit codes are vpnlint's own, not picocli's: 2 for usage errors, and 3 with a
 * one-line message for anything unexpected (picocli would exit 1, which reads as "findings"). A stack trace is
 * printed only with {@code --debug}.
 */
@Command(
        name = "vpnlint",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Static analysis of VyOS/EdgeOS router configurations: IPsec, NAT, GRE and the firewall,"
                + " proved with Z3 and shown as packets replayed through the Linux data path.")
public final class Main implements Runnable {
    static final String REPORT_HINT =
            "This is a bug in vpnlint; please report it with the command you ran" + " (--debug prints the details).";

    @Spec
    CommandSpec spec;

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Console console = new Console(
                out, err, System.getenv(), System.console() != null, Path.of("").toAbsolutePath());
        int code = run(console, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never throws. */
    public static int run(Console console, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            return commandLine(console, Analysis.withAllRules(), args).execute(args);
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            return internalError(console, e, debug);
        }
    }

    /**
     * The command tree for these arguments; the rules and the analysis are passed in so that tests can run other
     * rules. When the first argument names a command, only that command is built: picocli reads every command's
     * annotations when it is added, and a pre-commit hook runs {@code check} on every commit.
     */
    static CommandLine commandLine(Console console, Analysis analysis, String... args) {
        List<Rule> rules = analysis.rules();
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("check", () -> new CheckCommand(console, analysis));
        commands.put("trace", () -> new TraceCommand(console));
        commands.put("diff", () -> new DiffCommand(console));
        commands.put("rules", () -> new RulesCommand(console, rules));
        commands.put("explain", () -> new ExplainCommand(console, rules));
        CommandLine commandLine = new CommandLine(new Main());
        if (args.length > 0 && commands.containsKey(args[0])) {
            commandLine.addSubcommand(commands.get(args[0]).get());
        } else {
            commands.values().forEach(command -> commandLine.addSubcommand(command.get()));
        }
        commandLine
                .setOut(console.out())
                .setErr(console.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(exception ->
                        exception instanceof ParameterException ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> internalError(
                console, exception, Arrays.asList(parseResult.originalArgs()).contains("--debug")));
        return commandLine;
    }

    /**
     * Every command of the tool, built without running anything: the model the shell completion script and the man
     * pages are generated from (see the dist module).
     */
    public static CommandLine commandTree() {
        PrintWriter nowhere = new PrintWriter(java.io.Writer.nullWriter());
        Console console =
                new Console(nowhere, nowhere, Map.of(), false, Path.of("").toAbsolutePath());
        return commandLine(console, Analysis.withAllRules());
    }

    @Override
    public void run() {
        // "vpnlint" alone: show what there is to run.
        throw new ParameterException(spec.commandLine(), "a command is needed: check, trace, diff, rules or explain");
    }

    private static int internalError(Console console, Throwable error, boolean debug) {
        PrintWriter err = console.err();
        String what = error.getMessage() == null
                ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": "
                        + error.getMessage().lines().findFirst().orElse("");
        err.println("vpnlint: internal error: " + what + ". " + REPORT_HINT);
        if (debug) error.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
