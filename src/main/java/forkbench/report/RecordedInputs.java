package forkbench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report was made from, kept in its folder as {@code inputs.json}: every input file, relative to the folder,
 * and the options. {@code report --again DIR} (and so {@code scripts/regenerate}) rebuilds the report from exactly
 * these, so nothing an earlier report showed is dropped.
 *
 * @param inputs    the JMH result files, relative to the report's folder
 * @param arguments the report's options ({@code --baseline sequential}, ...)
 */
public record RecordedInputs(List<String> inputs, List<String> arguments) {

    public static final String FILE = "inputs.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RecordedInputs {
        inputs = List.copyOf(inputs);
        arguments = List.copyOf(arguments);
    }

    /** The inputs of a report written to {@code folder}, as paths relative to it. */
    public static RecordedInputs of(Path folder, List<Path> files, List<String> arguments) {
        Path base = folder.toAbsolutePath().normalize();
        List<String> relative = new ArrayList<>();
        for (Path file : files) {
            relative.add(base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        }
        return new RecordedInputs(relative, arguments);
    }

    /** The inputs recorded in {@code folder}, or {@code null} when it records none. */
    public static RecordedInputs readFrom(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), RecordedInputs.class) : null;
    }

    /** The input files, resolved against {@code folder}. */
    public List<Path> files(Path folder) {
        return inputs.stream().map(input -> folder.resolve(input).normalize()).toList();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write inputs.json", e);
        }
    }
}
