package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.cli.analysis.InputFiles;
import org.vpnlint.model.Diagnostic;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void directoriesGiveRouterFileNamesSortedAndSkipDotDirectories() throws Exception {
        for (String name : List.of(
                "z/config.boot",
                "a.vyos",
                "b.set",
                "c.conf",
                "d.boot",
                "notes.md",
                ".git/config.boot",
                "m/.cache/x.boot")) {
            TestRules.write(dir, name, "system {\n}\n");
        }
        List<Diagnostic> problems = new ArrayList<>();

        List<Path> files = InputFiles.expand(List.of(dir), problems);

        assertEquals(
                List.of("a.vyos", "b.set", "c.conf", "d.boot", "z/config.boot"),
                files.stream().map(f -> dir.relativize(f).toString()).toList());
        assertEquals(List.of(), problems);
    }

    @Test
    void aFileNamedOnTheCommandLineIsReadWhateverItsName() throws Exception {
        Path file = TestRules.write(dir, "router.txt", "system {\n}\n");

        assertEquals(List.of(file), InputFiles.expand(List.of(file), new ArrayList<>()));
    }

    @Test
    void theSameFileGivenTwiceIsReadOnce() throws Exception {
        Path file = TestRules.write(dir, "config.boot", "system {\n}\n");

        assertEquals(List.of(file), InputFiles.expand(List.of(file, dir), new ArrayList<>()));
    }
}
