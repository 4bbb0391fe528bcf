package org.vpnlint.checks;

import java.util.Locale;
import org.vpnlint.model.Router;

/**
 * How the router's file is written, so that a fix reads like the file: {@code set} commands for command scripts
 * ({@code *.set}), the curly format for {@code config.boot}, {@code *.boot} and {@code *.conf}.
 */
public enum ConfigStyle {
    SET_COMMANDS,
    CURLY;

    public static ConfigStyle of(Router router) {
        String file = router.file() == null ? "" : router.file().toLowerCase(Locale.ROOT);
        return file.endsWith(".boot") || file.endsWith(".conf") ? CURLY : SET_COMMANDS;
    }
}
