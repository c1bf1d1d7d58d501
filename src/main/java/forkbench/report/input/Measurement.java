package forkbench.report.input;

import java.util.Map;

/**
 * One JMH result reduced to what the report needs: which configuration it is, how many workers it used, and the
 * time per operation of every measured iteration, normalised to nanoseconds for the system as a whole.
 *
 * @param source   the file it came from
 * @param host     the machine that ran it (from the run's metadata), or the file name when none was recorded
 * @param benchmark the fully qualified benchmark name
 * @param label    the benchmark method name: forkbench's strategy id
 * @param params   every JMH parameter except the worker count, in name order
 * @param workers  the worker count: the worker parameter's value, or JMH's thread count
 * @param mode     the JMH mode it was measured in ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
 * @param iterationNanos per measured iteration (all forks), nanoseconds per operation of the whole system
 * @param forks    how many forks the iterations came from
 */
public record Measurement(String source, String host, String benchmark, String label, Map<String, String> params,
                          int workers, String mode, double[] iterationNanos, int forks) {

    public Measurement {
        params = Map.copyOf(params);
        iterationNanos = iterationNanos.clone();
    }

    @Override
    public double[] iterationNanos() {
        return iterationNanos.clone();
    }

    public int samples() {
        return iterationNanos.length;
    }
}
