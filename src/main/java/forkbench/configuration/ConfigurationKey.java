package forkbench.configuration;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a measurement is of: a benchmark label at one value of each parameter, with a worker count, on a host. The
 * report, compare and the interleaved runner all group, order and print configurations through this one type.
 *
 * @param host    the machine, or {@code ""} where only one is in play
 * @param label   the benchmark method name (forkbench's strategy id), or {@code ""} for every strategy of a job
 * @param params  every parameter except the worker count, in name order
 * @param workers the worker count, or {@link #ANY_WORKERS} for a configuration taken across worker counts
 */
public record ConfigurationKey(String host, String label, Map<String, String> params, int workers) {

    /** The parameter that carries the worker count in forkbench's benchmarks. */
    public static final String WORKERS = "workers";
    public static final int ANY_WORKERS = 0;

    public ConfigurationKey {
        host = host == null ? "" : host;
        label = label == null ? "" : label;
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /**
     * A configuration read from JMH's parameters, where the worker count is one of them; a benchmark without a
     * whole-number {@code workers} parameter keeps whatever it has among its parameters.
     */
    public static ConfigurationKey fromParams(String label, Map<String, String> params) {
        Map<String, String> others = new TreeMap<>(params);
        java.math.BigDecimal workers = ParameterValues.number(others.get(WORKERS));
        if (workers == null || workers.signum() <= 0 || workers.stripTrailingZeros().scale() > 0
                || workers.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return new ConfigurationKey("", label, others, ANY_WORKERS);
        }
        others.remove(WORKERS);
        return new ConfigurationKey("", label, others, workers.intValue());
    }

    /** A job: every strategy at these parameters on one host. */
    public static ConfigurationKey job(String host, Map<String, String> params) {
        return new ConfigurationKey(host, "", params, ANY_WORKERS);
    }

    /** The same configuration at every worker count. */
    public ConfigurationKey acrossWorkers() {
        return new ConfigurationKey(host, label, params, ANY_WORKERS);
    }

    public ConfigurationKey withLabel(String other) {
        return new ConfigurationKey(host, other, params, workers);
    }

    /** The same configuration with one parameter left out (the size, to group a strategy's sizes together). */
    public ConfigurationKey without(String param) {
        Map<String, String> others = new TreeMap<>(params);
        others.remove(param);
        return new ConfigurationKey(host, label, others, workers);
    }

    /**
     * Host, then label (the first one given, then the known labels in their order, then the rest alphabetically),
     * then parameters by {@link ParameterValues#compare(Map, Map)}, then workers. Keys that differ only in how a
     * number is written (1e6, 1000000) compare equal, so a sorted map keyed by this order matches them.
     */
    public static Comparator<ConfigurationKey> order(String first, List<String> known) {
        Comparator<ConfigurationKey> byRank = Comparator.comparingInt(key -> rank(key.label(), first, known));
        return Comparator.comparing(ConfigurationKey::host)
                .thenComparing(byRank)
                .thenComparing(ConfigurationKey::label)
                .thenComparing(ConfigurationKey::params, ParameterValues::compare)
                .thenComparingInt(ConfigurationKey::workers);
    }

    private static int rank(String label, String first, List<String> known) {
        if (label.equals(first)) {
            return -1;
        }
        int at = known.indexOf(label);
        return at >= 0 ? at : known.size();
    }

    /** {@code threadPool kernel=sum n=2e9 workers=2}: label, parameters, then workers when fixed; no host. */
    @Override
    public String toString() {
        String described = ParameterValues.describe(params);
        StringBuilder text = new StringBuilder(label);
        if (!described.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(described);
        }
        if (workers != ANY_WORKERS) {
            text.append(text.isEmpty() ? "" : " ").append(WORKERS).append('=').append(workers);
        }
        return text.toString();
    }
}
