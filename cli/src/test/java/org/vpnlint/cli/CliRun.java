package org.vpnlint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.vpnlint.cli.analysis.Analysis;

/** One in-process run of the command line, with its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun in(Path workingDirectory, Analysis analysis, String... args) {
        return in(workingDirectory, Map.of(), analysis, args);
    }

    static CliRun in(Path workingDirectory, Map<String, String> environment, Analysis analysis, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(
                new PrintWriter(out, true), new PrintWriter(err, true), environment, false, workingDirectory);
        int code = Main.commandLine(console, analysis, args).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
