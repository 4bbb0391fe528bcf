package org.vpnlint.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/**
 * Pretty JSON with "\n" line ends on every platform, so reports are byte-identical wherever they are made. Reports
 * are written streaming ({@link #write}): a router with thousands of could-not-decide notes makes a document of tens
 * of megabytes, which should not have to exist as a tree and again as a string before the first byte is written.
 */
public final class JsonOutput {

    private JsonOutput() {}

    /** What writes one JSON document to the generator. */
    @FunctionalInterface
    public interface Document {
        void write(JsonGenerator json) throws IOException;
    }

    public static String pretty(ObjectMapper mapper, Object tree) throws JsonProcessingException {
        return mapper.writer(printer()).writeValueAsString(tree) + "\n";
    }

    /**
     * Writes the document to {@code out} as it is generated, in exactly the form {@link #pretty} gives (the same
     * printer, then "\n"). {@code out} is flushed, not closed.
     */
    public static void write(Writer out, Document document) throws IOException {
        ObjectMapper mapper = mapper();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(printer());
            document.write(json);
        }
        out.write("\n");
        out.flush();
    }

    /** Writes a small tree (one result, one rule) into a document being streamed, at the generator's place. */
    public static void tree(JsonGenerator json, JsonNode tree) throws IOException {
        ((ObjectMapper) json.getCodec()).writeTree(json, tree);
    }

    /** A mapper for trees written into a stream: no flush after each value, so the writer's buffer does its work. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
