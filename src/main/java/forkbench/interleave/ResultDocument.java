package forkbench.interleave;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JMH JSON result ({@code -rf json}) that rounds are added to: each configuration's forks from every round become
 * the forks of one result, exactly as if JMH had run it with {@code -f ROUNDS}. Working on the JSON itself (rather
 * than JMH's in-memory results) is what lets a run be saved after every round and resumed later from its file.
 * Scores are recomputed from the combined raw data with JMH's own statistics, at JMH's 99.9% level.
 */
public final class ResultDocument {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double JMH_CONFIDENCE = 0.999;

    private final Map<String, ObjectNode> results;

    private ResultDocument(Map<String, ObjectNode> results) {
        this.results = results;
    }

    public static ResultDocument empty() {
        return new ResultDocument(new LinkedHashMap<>());
    }

    /** A document from JMH's JSON text. */
    public static ResultDocument parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isArray()) {
            throw new IOException("not a JMH JSON result (expected a list of results)");
        }
        Map<String, ObjectNode> results = new LinkedHashMap<>();
        for (JsonNode result : root) {
            if (!(result instanceof ObjectNode object) || !object.has("primaryMetric")) {
                throw new IOException("not a JMH JSON result (a result without primaryMetric)");
            }
            results.merge(key(object), object, ResultDocument::combine);
        }
        return new ResultDocument(results);
    }

    public static ResultDocument read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** This document with {@code round}'s forks added to its configurations (new ones appended). */
    public ResultDocument plus(ResultDocument round) {
        Map<String, ObjectNode> combined = new LinkedHashMap<>();
        results.forEach((key, result) -> combined.put(key, result.deepCopy()));
        round.results.forEach((key, result) -> combined.merge(key, result.deepCopy(), ResultDocument::combine));
        return new ResultDocument(combined);
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    /** The forks each configuration has, by configuration. */
    public Map<Configuration, Integer> forks() {
        Map<Configuration, Integer> forks = new LinkedHashMap<>();
        results.values().forEach(result -> forks.merge(configuration(result),
                result.path("primaryMetric").path("rawData").size(), Integer::sum));
        return forks;
    }

    /** Each result's configuration, in the document's order (a configuration may have a result per mode). */
    List<Configuration> configurationsInOrder() {
        return results.values().stream().map(ResultDocument::configuration).toList();
    }

    /** The configuration (benchmark and every parameter) a result belongs to. */
    static Configuration configuration(JsonNode result) {
        Map<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = result.path("params").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            params.put(field.getKey(), field.getValue().asText());
        }
        return new Configuration(result.path("benchmark").asText(), params);
    }

    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        results.values().forEach(array::add);
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JMH JSON", e);
        }
    }

    /** What makes two results the same configuration: benchmark, mode, threads and every parameter value. */
    private static String key(JsonNode result) {
        return result.path("benchmark").asText() + " " + result.path("mode").asText() + " "
                + result.path("threads").asText() + " " + configuration(result).params();
    }

    private static ObjectNode combine(ObjectNode a, ObjectNode b) {
        ObjectNode combined = a.deepCopy();
        combined.put("forks", a.path("forks").asInt(0) + b.path("forks").asInt(0));
        combined.set("primaryMetric", combineMetric((ObjectNode) a.get("primaryMetric"),
                (ObjectNode) b.get("primaryMetric")));
        ObjectNode secondary = JSON.createObjectNode();
        JsonNode theirs = b.path("secondaryMetrics");
        a.path("secondaryMetrics").fields().forEachRemaining(metric -> {
            JsonNode other = theirs.get(metric.getKey());
            // A profiler metric only one side has cannot stand for both: it is dropped rather than misread.
            if (other instanceof ObjectNode otherMetric && metric.getValue() instanceof ObjectNode mine) {
                secondary.set(metric.getKey(), combineMetric(mine, otherMetric));
            }
        });
        combined.set("secondaryMetrics", secondary);
        return combined;
    }

    private static ObjectNode combineMetric(ObjectNode a, ObjectNode b) {
        ObjectNode metric = a.deepCopy();
        for (String raw : List.of("rawData", "rawDataHistogram")) {
            if (a.has(raw) || b.has(raw)) {
                ArrayNode forks = JSON.createArrayNode();
                a.path(raw).forEach(forks::add);
                b.path(raw).forEach(forks::add);
                metric.set(raw, forks);
            }
        }
        List<Double> values = new ArrayList<>();
        metric.path("rawData").forEach(fork -> fork.forEach(value -> values.add(number(value))));
        if (values.isEmpty()) {
            return metric;
        }
        ListStatistics statistics = new ListStatistics();
        values.forEach(statistics::addValue);
        metric.put("score", statistics.getMean());
        putNumber(metric, "scoreError", statistics.getMeanErrorAt(JMH_CONFIDENCE));
        double[] interval = statistics.getConfidenceIntervalAt(JMH_CONFIDENCE);
        ArrayNode confidence = JSON.createArrayNode();
        for (double bound : interval) {
            confidence.add(Double.isFinite(bound) ? JSON.getNodeFactory().numberNode(bound)
                    : JSON.getNodeFactory().textNode(String.valueOf(bound)));
        }
        metric.set("scoreConfidence", confidence);
        if (metric.get("scorePercentiles") instanceof ObjectNode percentiles) {
            List<String> keys = new ArrayList<>();
            percentiles.fieldNames().forEachRemaining(keys::add);
            for (String percentile : keys) {
                putNumber(percentiles, percentile, statistics.getPercentile(Double.parseDouble(percentile)));
            }
        }
        return metric;
    }

    /** JMH writes NaN and infinities as strings; so does this. */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, String.valueOf(value));
        }
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
    }
}
