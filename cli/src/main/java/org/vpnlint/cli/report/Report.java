package org.vpnlint.cli.report;

import java.io.IOException;
import java.io.Writer;
import org.vpnlint.cli.analysis.AnalysisResult;

/** One output format of {@code vpnlint check}. */
public interface Report {

    void write(AnalysisResult result, Writer out) throws IOException;
}
