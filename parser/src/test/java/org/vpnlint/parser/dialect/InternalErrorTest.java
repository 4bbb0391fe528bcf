package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.ConfigReader;

/** A bug in one family's mapper costs that family only, and its message cannot carry configuration text. */
class InternalErrorTest {

    @Test
    void aFailingMapperBecomesAnInternalErrorNamingTheFamilyAndTheFallbackIsUsed() {
        ConfigNode nat = ConfigReader.read("r.set", "set nat source rule 10 exclude\n")
                .root()
                .child("nat");
        MappingProblems problems = new MappingProblems();
        String result = RouterMapper.guarded(problems, nat, "fallback", node -> {
            throw new IllegalStateException("pre-shared-secret qwerty");
        });
        assertEquals("fallback", result);
        List<Diagnostic> diagnostics = problems.toList();
        assertEquals(1, diagnostics.size());
        assertEquals(Level.ERROR, diagnostics.get(0).level());
        assertEquals(DiagnosticCodes.INTERNAL_ERROR, diagnostics.get(0).code());
        assertEquals(
                "internal error while reading 'nat' (IllegalStateException); this part of the file was not"
                        + " analysed, the rest was",
                diagnostics.get(0).message());
        assertFalse(diagnostics.toString().contains("qwerty"));
    }

    @Test
    void anAbsentFamilyIsNotMapped() {
        MappingProblems problems = new MappingProblems();
        assertEquals("fallback", RouterMapper.guarded(problems, null, "fallback", node -> "mapped"));
        assertEquals(List.of(), problems.toList());
    }
}
