package forkbench.interleave;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.WorkloadParams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rounds of an interleaved run as one JMH result: each configuration's runs (one fork per round) become the
 * forks of a single result, exactly as if JMH had run it with {@code -f ROUNDS}. JMH's own classes do the statistics
 * and JMH's own formats write the file, so the merged result reads like any other.
 */
public final class MergedResults {

    private MergedResults() {
    }

    /**
     * @param order the configurations in the order JMH itself would list them (declared parameter values in
     *              order), which the merged results follow rather than the shuffled order they ran in
     */
    public static List<RunResult> merge(Collection<RunResult> runs, List<Configuration> order) {
        Map<String, List<RunResult>> byConfiguration = new LinkedHashMap<>();
        for (RunResult run : runs) {
            byConfiguration.computeIfAbsent(key(run.getParams()), k -> new ArrayList<>()).add(run);
        }
        List<RunResult> merged = new ArrayList<>();
        for (List<RunResult> same : byConfiguration.values()) {
            List<BenchmarkResult> forks = new ArrayList<>();
            same.forEach(run -> forks.addAll(run.getBenchmarkResults()));
            merged.add(new RunResult(withForks(same.get(0).getParams(), forks.size()), forks));
        }
        merged.sort(Comparator.comparingInt((RunResult run) -> position(run.getParams(), order))
                .thenComparing(run -> run.getParams().getMode()));
        return List.copyOf(merged);
    }

    private static int position(BenchmarkParams params, List<Configuration> order) {
        int index = order.indexOf(new Configuration(params.getBenchmark(), values(params)));
        return index < 0 ? order.size() : index;
    }

    private static Map<String, String> values(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        params.getParamsKeys().forEach(name -> values.put(name, params.getParam(name)));
        return values;
    }

    /** What makes two runs the same configuration: benchmark, mode, threads and every parameter value. */
    private static String key(BenchmarkParams params) {
        return params.getBenchmark() + " " + params.getMode() + " " + params.getThreads() + " " + values(params);
    }

    private static BenchmarkParams withForks(BenchmarkParams p, int forks) {
        WorkloadParams workload = new WorkloadParams();
        int order = 0;
        for (String name : p.getParamsKeys()) {
            workload.put(name, p.getParam(name), order++);
        }
        return new BenchmarkParams(p.getBenchmark(), p.generatedBenchmark(), p.shouldSynchIterations(),
                p.getThreads(), p.getThreadGroups(), p.getThreadGroupLabels(), forks, p.getWarmupForks(),
                p.getWarmup(), p.getMeasurement(), p.getMode(), workload, p.getTimeUnit(), p.getOpsPerInvocation(),
                p.getJvm(), p.getJvmArgs(), p.getJdkVersion(), p.getVmName(), p.getVmVersion(), p.getJmhVersion(),
                p.getTimeout());
    }
}
