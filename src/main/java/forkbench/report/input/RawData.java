package forkbench.report.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric's measured iterations, fork by fork, read from JMH's raw data: one score per iteration (rawData), or
 * in sample mode each iteration's histogram reduced to its mean and its count (rawDataHistogram); every value checked
 * to be a number a measurement can be.
 */
final class RawData {

    private RawData() {
    }

    /** One measured iteration: its score, and how many samples it is the mean of (one but in sample mode). */
    record Iteration(double score, double samples) {
    }

    /** One score per measured iteration, fork by fork. */
    static List<List<Iteration>> iterations(Path file, String where, String benchmark, JsonNode metric)
            throws InputException {
        JsonNode raw = metric.get("rawData");
        JsonNode histogram = metric.get("rawDataHistogram");
        List<List<Iteration>> forks = new ArrayList<>();
        if (raw != null && raw.isArray() && !raw.isEmpty()) {
            for (JsonNode iterations : raw) {
                if (!iterations.isArray() || iterations.isEmpty()) {
                    throw new InputException(file, where + " (" + benchmark + "): fork " + (forks.size() + 1)
                            + " of rawData holds no measured iteration");
                }
                List<Iteration> values = new ArrayList<>();
                for (JsonNode iteration : iterations) {
                    values.add(new Iteration(number(file, where, benchmark, iteration), 1));
                }
                forks.add(values);
            }
            return forks;
        }
        if (histogram != null && histogram.isArray() && !histogram.isEmpty()) {
            for (JsonNode fork : histogram) {
                List<Iteration> values = new ArrayList<>();
                for (JsonNode iteration : fork) {
                    double sum = 0;
                    double count = 0;
                    for (JsonNode bucket : iteration) {
                        double value = number(file, where, benchmark, bucket.get(0));
                        double times = number(file, where, benchmark, bucket.get(1));
                        sum += value * times;
                        count += times;
                    }
                    if (count > 0) {
                        values.add(new Iteration(sum / count, count));
                    }
                }
                if (values.isEmpty()) {
                    throw new InputException(file, where + " (" + benchmark + "): fork " + (forks.size() + 1)
                            + " of rawDataHistogram holds no sample");
                }
                forks.add(values);
            }
            return forks;
        }
        // No raw data (a hand-trimmed file): fall back on the score alone, as one fork of one iteration.
        forks.add(List.of(new Iteration(number(file, where, benchmark, metric.get("score")), 1)));
        return forks;
    }

    private static double number(Path file, String where, String benchmark, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            throw new InputException(file, where + " (" + benchmark + ") has a missing measurement value");
        }
        double value = node.isNumber() ? node.asDouble() : parseSpecial(node.asText());
        if (!Double.isFinite(value) || value <= 0) {
            throw new InputException(file, where + " (" + benchmark + ") has an unusable measurement value "
                    + node.asText() + " (a time or throughput must be a positive number)");
        }
        if (value < MIN_VALUE || value > MAX_VALUE) {
            // Squares of such values overflow the interval arithmetic; no clock measures them.
            throw new InputException(file, where + " (" + benchmark + ") has an implausible measurement value "
                    + node.asText() + " (expected between 1e-30 and 1e30 in its unit)");
        }
        return value;
    }

    /** JMH writes NaN and infinities as the strings "NaN", "Infinity", "-Infinity". */
    private static double parseSpecial(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static final double MIN_VALUE = 1e-30;

    private static final double MAX_VALUE = 1e30;
}
