package forkbench.report.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import forkbench.process.JvmMemory;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH's {@code -rf json} output. JMH's quirks are handled here and nowhere else: parameters are strings;
 * NaN and infinities are written as strings; {@code rawData} is {@code [fork][iteration]}, except in sample mode,
 * where {@code rawDataHistogram} holds {@code [fork][iteration][[value, count], ...]}; with {@code -t N}, avgt-like
 * scores are per thread while throughput is summed over threads.
 */
public final class JmhResults {

    /** The parameters that set a job's JVMs' memory ({@link JvmMemory}). */
    private static final java.util.Set<String> MEMORY_PARAMS = java.util.Set.of("heap", "gc");

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {
    }

    /**
     * @param workerParam the parameter that holds the worker count; when a result has none, JMH's {@code threads}
     * @param host        the machine the file's run was recorded on
     */
    public static List<Measurement> read(Path file, String workerParam, String host) throws InputException {
        return measurements(file, parse(file), workerParam, host);
    }

    /** The same, from JSON text already in memory; {@code source} names it in messages. */
    public static List<Measurement> parse(String json, Path source, String workerParam, String host)
            throws InputException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException(source, "not valid JSON");
        }
        return measurements(source, root, workerParam, host);
    }

    private static List<Measurement> measurements(Path file, JsonNode root, String workerParam, String host)
            throws InputException {
        if (!root.isArray()) {
            throw new InputException(file, "not a JMH JSON result file (expected a list of results; run JMH with -rf json)");
        }
        if (root.isEmpty()) {
            throw new InputException(file, "holds no benchmark results");
        }
        List<Measurement> measurements = new ArrayList<>(root.size());
        int index = 0;
        for (JsonNode result : root) {
            measurements.add(measurement(file, index++, result, workerParam, host));
        }
        return measurements;
    }

    private static JsonNode parse(Path file) throws InputException {
        try {
            if (Files.size(file) == 0) {
                throw new InputException(file, "the file is empty");
            }
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                throw new InputException(file, "the file is empty");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (StreamConstraintsException e) {
            // Nesting or a string past Jackson's limits: no JMH result comes near them.
            throw new InputException(file, "not a JMH result: " + firstSentence(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            boolean truncated = why != null && why.contains("end-of-input");
            JsonLocation at = e.getLocation();
            throw new InputException(file, (truncated ? "truncated JSON" : "not valid JSON")
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InputException(file, "cannot read it (" + e.getMessage() + ")");
        }
    }

    private static Measurement measurement(Path file, int index, JsonNode result, String workerParam, String host)
            throws InputException {
        String where = "result " + (index + 1);
        String benchmark = text(file, where, result, "benchmark");
        String mode = text(file, where, result, "mode");
        JsonNode metric = result.get("primaryMetric");
        if (metric == null || !metric.isObject()) {
            throw new InputException(file, where + " (" + benchmark + ") has no primaryMetric: not JMH output");
        }
        String unit = text(file, where, metric, "scoreUnit");
        int threads = result.path("threads").asInt(1);

        Map<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = result.path("params").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            // A heap or collector left at its default is no parameter at all: the JVM ran as every earlier run did.
            if (!(MEMORY_PARAMS.contains(field.getKey()) && field.getValue().asText().equals(JvmMemory.DEFAULT_VALUE))) {
                params.put(field.getKey(), field.getValue().asText());
            }
        }
        int workers;
        String workerText = params.remove(workerParam);
        if (workerText != null) {
            try {
                workers = Integer.parseInt(workerText.strip());
            } catch (NumberFormatException e) {
                throw new InputException(file, where + " (" + benchmark + "): parameter " + workerParam + "='"
                        + workerText + "' is not a worker count");
            }
        } else if (result.has("threads")) {
            workers = threads;
        } else {
            throw new InputException(file, where + " (" + benchmark + ") has no '" + workerParam
                    + "' parameter and no threads field: no usable worker count");
        }
        if (workers < 1) {
            throw new InputException(file, where + " (" + benchmark + "): worker count " + workers + " is not positive");
        }

        TimeUnitScale scale;
        try {
            scale = TimeUnitScale.of(unit, mode);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, where + " (" + benchmark + "): " + e.getMessage());
        }
        List<List<RawData.Iteration>> scores = RawData.iterations(file, where, benchmark, metric);
        double[][] nanos = new double[scores.size()][];
        double[][] operations = new double[scores.size()][];
        for (int f = 0; f < nanos.length; f++) {
            List<RawData.Iteration> fork = scores.get(f);
            nanos[f] = new double[fork.size()];
            operations[f] = new double[fork.size()];
            for (int i = 0; i < nanos[f].length; i++) {
                nanos[f][i] = scale.systemNanosPerOperation(fork.get(i).score(), threads);
                operations[f][i] = fork.get(i).samples();
            }
        }
        String label = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return new Measurement(file.toString(), host, benchmark, label, params, workers, mode, nanos, operations,
                secondary(result));
    }

    /**
     * forkbench's secondary metrics ({@link Measurement#SECONDARY_PREFIX}), each fork's mean over its iterations;
     * a metric whose data is missing or not a number in some fork is left out rather than half read.
     */
    private static Map<String, double[]> secondary(JsonNode result) {
        Map<String, double[]> metrics = new java.util.TreeMap<>();
        result.path("secondaryMetrics").properties().forEach(entry -> {
            if (!entry.getKey().startsWith(Measurement.SECONDARY_PREFIX)) {
                return;
            }
            JsonNode raw = entry.getValue().path("rawData");
            double[] means = new double[raw.size()];
            for (int f = 0; f < raw.size(); f++) {
                double sum = 0;
                int count = 0;
                for (JsonNode value : raw.get(f)) {
                    if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                        return;
                    }
                    sum += value.asDouble();
                    count++;
                }
                if (count == 0) {
                    return;
                }
                means[f] = sum / count;
            }
            if (means.length > 0) {
                metrics.put(entry.getKey(), means);
            }
        });
        return metrics;
    }

    private static String firstSentence(String message) {
        String text = message == null ? "limits exceeded" : message.lines().findFirst().orElse("limits exceeded");
        int cut = text.indexOf(" (");
        return cut > 0 ? text.substring(0, cut) : text;
    }

    private static String text(Path file, String where, JsonNode node, String field) throws InputException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InputException(file, where + " has no '" + field + "' field: not JMH output");
        }
        return value.asText();
    }
}
