package forkbench.report.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import forkbench.report.model.Report;

/** report.json: the whole {@link Report}, every number under the name its record gives it. */
final class Json {

    /** A value that may be absent (a row's usage) is the value or null, not an object about its presence. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static String render(Report report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
