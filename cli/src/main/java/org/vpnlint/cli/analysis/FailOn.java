package org.vpnlint.cli.analysis;

import java.util.Locale;
import org.vpnlint.model.Level;

/** The lowest level of finding that makes {@code vpnlint check} exit 1, or {@link #NEVER}. */
public enum FailOn {
    NOTE(Level.NOTE),
    WARNING(Level.WARNING),
    ERROR(Level.ERROR),
    NEVER(null);

    private final Level threshold;

    FailOn(Level threshold) {
        this.threshold = threshold;
    }

    public boolean failsOn(Level level) {
        return threshold != null && level.compareTo(threshold) >= 0;
    }

    /** "error", "warning", "note" or "never", as written on the command line and in {@code .vpnlint.yaml}. */
    public static FailOn parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
