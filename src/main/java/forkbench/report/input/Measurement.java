package forkbench.report.input;

import forkbench.configuration.ConfigurationKey;

import java.util.Arrays;
import java.util.Map;

/**
 * One JMH result reduced to what the report needs: which configuration it is, how many workers it used, and the
 * time per operation of every measured iteration, fork by fork, normalised to nanoseconds for the system as a whole.
 * The fork structure is kept because the fork, not the iteration, is the unit of replication: iterations of one
 * fork share its JIT decisions and memory layout.
 *
 * @param source    the file it came from
 * @param host      the machine that ran it (from the run's metadata), or the file name when none was recorded
 * @param benchmark the fully qualified benchmark name
 * @param label     the benchmark method name: forkbench's strategy id
 * @param params    every JMH parameter except the worker count, in name order
 * @param workers   the worker count: the worker parameter's value, or JMH's thread count
 * @param mode      the JMH mode it was measured in ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
 * @param forks     {@code [fork][iteration]}: nanoseconds per operation of the whole system
 * @param sampleCounts {@code [fork][iteration]}: how many samples each iteration's time is the mean of: in
 *                  sample mode its histogram's count, which differs from iteration to iteration; else one
 * @param secondary forkbench's own secondary metrics ({@code fb.*}, from its profiler of every JVM), each as its
 *                  fork means in its own unit; empty when the run did not measure them
 */
public record Measurement(String source, String host, String benchmark, String label, Map<String, String> params,
                          int workers, String mode, double[][] forks, double[][] sampleCounts,
                          Map<String, double[]> secondary) {

    /** The secondary metrics forkbench reads: the names its profiler reports under. */
    public static final String SECONDARY_PREFIX = "fb.";

    public Measurement {
        params = Map.copyOf(params);
        forks = copy(forks);
        sampleCounts = copy(sampleCounts);
        secondary = Map.copyOf(secondary);
    }

    @Override
    public double[][] forks() {
        return copy(forks);
    }

    @Override
    public double[][] sampleCounts() {
        return copy(sampleCounts);
    }

    /** How many measured iterations, over every fork. */
    public int samples() {
        return Arrays.stream(forks).mapToInt(fork -> fork.length).sum();
    }

    /** Every iteration of every fork in one array: what pooling them would see. */
    public double[] iterationNanos() {
        return Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * Each fork's time per operation. In {@code avgt} and {@code thrpt} each iteration runs for a fixed time, so the
     * fork's operations over its time is the harmonic mean of its iterations' times per operation (the arithmetic
     * mean of their throughputs): the same number whichever of the two modes recorded it. In {@code ss} every
     * iteration is a fixed number of operations: the arithmetic mean. In {@code sample} an iteration is the mean of
     * however many samples fitted in it: the mean over every sample of the fork, each iteration weighted by its count.
     */
    public double[] forkMeans() {
        boolean timed = mode.equals("avgt") || mode.equals("thrpt");
        double[] means = new double[forks.length];
        for (int f = 0; f < forks.length; f++) {
            double sum = 0;
            double weight = 0;
            for (int i = 0; i < forks[f].length; i++) {
                double nanos = forks[f][i];
                double count = timed ? 1 : sampleCounts[f][i];
                sum += count * (timed ? 1 / nanos : nanos);
                weight += count;
            }
            means[f] = timed ? weight / sum : sum / weight;
        }
        return means;
    }

    /** Forks {@code from} (inclusive) to {@code to} (exclusive) alone, with their secondary metrics. */
    public Measurement forkRange(int from, int to) {
        Map<String, double[]> kept = new java.util.LinkedHashMap<>();
        secondary.forEach((name, means) -> {
            if (means.length == forks.length) {
                kept.put(name, Arrays.copyOfRange(means, from, to));
            }
        });
        return new Measurement(source, host, benchmark, label, params, workers, mode,
                Arrays.copyOfRange(forks, from, to), Arrays.copyOfRange(sampleCounts, from, to), kept);
    }

    /** What this is a measurement of: host, label, parameters and workers. */
    public ConfigurationKey configuration() {
        return new ConfigurationKey(host, label, params, workers);
    }

    private static double[][] copy(double[][] forks) {
        double[][] copy = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            copy[f] = forks[f].clone();
        }
        return copy;
    }
}
