package org.vpnlint.cli.progress;

import java.io.PrintWriter;
import org.vpnlint.cli.analysis.AnalysisListener;

/**
 * One line on a terminal's standard error that is rewritten as the run goes ("reading 3/12 files: r1.boot",
 * "rules 5/20: firewall-rule-unreachable"), and erased when the run ends so that the report starts on a clean
 * line. Used only when standard error is a terminal; redrawn at most every {@link #REDRAW_NANOS}, except that the
 * first and last file and the first rule are always shown.
 */
public final class ProgressLine implements AnalysisListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 79;

    private final PrintWriter terminal;
    private long lastDrawn = Long.MIN_VALUE;
    private boolean shown;

    public ProgressLine(PrintWriter terminal) {
        this.terminal = terminal;
    }

    @Override
    public void fileRead(String file, int done, int total) {
        draw("vpnlint: reading " + done + "/" + total + " files: " + file, done == 1 || done == total);
    }

    @Override
    public void ruleStarted(String ruleId, int done, int total) {
        draw("vpnlint: rules " + done + "/" + total + " done, now " + ruleId, done == 0);
    }

    /** Erases the line (call before the report is printed). */
    public void clear() {
        if (!shown) return;
        terminal.print("\r" + " ".repeat(WIDTH) + "\r");
        terminal.flush();
        shown = false;
    }

    private void draw(String text, boolean always) {
        long now = System.nanoTime();
        if (!always && shown && now - lastDrawn < REDRAW_NANOS) return;
        lastDrawn = now;
        String line = text.length() > WIDTH ? text.substring(0, WIDTH - 1) + "…" : text;
        terminal.print("\r" + line + " ".repeat(WIDTH - line.length()) + "\r");
        terminal.flush();
        shown = true;
    }
}
