package forkbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds JMH-shaped JSON for tests: the fields JMH writes, with its quirks (params as strings). */
final class JmhJson {

    private final List<String> results = new ArrayList<>();

    /** A result whose rawData is {@code [fork][iteration]} = {@code iterations}. */
    JmhJson add(String benchmark, String mode, String unit, int threads, Map<String, String> params,
                double[][] iterations) {
        return add(benchmark, mode, unit, threads, params, iterations, Map.of());
    }

    /** The same, with secondary metrics by name, each {@code [fork][iteration]}. */
    JmhJson add(String benchmark, String mode, String unit, int threads, Map<String, String> params,
                double[][] iterations, Map<String, double[][]> secondary) {
        String raw = java.util.Arrays.stream(iterations)
                .map(fork -> java.util.Arrays.stream(fork).mapToObj(JmhJson::number).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "[", "]"));
        double mean = java.util.Arrays.stream(iterations).flatMapToDouble(java.util.Arrays::stream).average().orElseThrow();
        results.add("""
                {"jmhVersion": "1.37", "benchmark": %s, "mode": %s, "threads": %d, "forks": %d,
                 "params": %s,
                 "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": %s, "rawData": %s},
                 "secondaryMetrics": %s}""".formatted(quote(benchmark), quote(mode), threads, iterations.length,
                params.entrySet().stream().map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
                        .collect(Collectors.joining(", ", "{", "}")),
                number(mean), quote(unit), raw, secondary.entrySet().stream().map(e -> quote(e.getKey())
                        + ": {\"score\": 0, \"scoreUnit\": \"x\", \"rawData\": " + rows(e.getValue()) + "}")
                        .collect(Collectors.joining(", ", "{", "}"))));
        return this;
    }

    private static String rows(double[][] values) {
        return java.util.Arrays.stream(values).map(fork -> java.util.Arrays.stream(fork).mapToObj(JmhJson::number)
                .collect(Collectors.joining(", ", "[", "]"))).collect(Collectors.joining(", ", "[", "]"));
    }

    String text() {
        return results.stream().collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    Path write(Path file) throws IOException {
        Files.writeString(file, text());
        return file;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.10g", value);
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
