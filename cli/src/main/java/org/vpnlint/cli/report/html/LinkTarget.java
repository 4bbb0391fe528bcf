package org.vpnlint.cli.report.html;

import java.nio.file.Path;
import org.vpnlint.model.SourceLocation;

/**
 * Links from the page to the configuration files, relative to where the page is written, so that they work when
 * the page and the files are opened from disk together. File names are as vpnlint shows them (relative to the
 * working directory, or absolute).
 */
record LinkTarget(Path workingDirectory, Path pageDirectory) {

    String href(SourceLocation location) {
        Path file = workingDirectory.resolve(location.file()).normalize();
        String relative = pageDirectory.relativize(file).toString().replace('\\', '/');
        return relative + "#L" + location.line();
    }
}
