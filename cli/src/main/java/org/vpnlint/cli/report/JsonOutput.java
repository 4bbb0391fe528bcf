package org.vpnlint.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Pretty JSON with "\n" line ends on every platform, so reports are byte-identical wherever they are made. */
public final class JsonOutput {

    private JsonOutput() {}

    public static String pretty(ObjectMapper mapper, Object tree) throws JsonProcessingException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        return mapper.writer(printer).writeValueAsString(tree) + "\n";
    }
}
