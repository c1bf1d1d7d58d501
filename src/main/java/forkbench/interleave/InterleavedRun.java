package forkbench.interleave;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs a {@link RoundPlan}: each configuration as its own one-fork JMH run, in the plan's order, every other
 * option (warm-up, iterations, mode, JVM flags, profilers...) as the user gave it. The runs' results are merged
 * into one result per configuration with a fork per round.
 */
public final class InterleavedRun {

    private InterleavedRun() {
    }

    /**
     * @param options the run's options; their forks are replaced by one per round and any result file by
     *                {@code scratch}, so a half-finished run never touches the real one
     */
    public static List<RunResult> run(Options options, RoundPlan plan, Path scratch, PrintStream out)
            throws RunnerException {
        List<RunResult> runs = new ArrayList<>();
        int rounds = plan.rounds().size();
        for (int round = 0; round < rounds; round++) {
            List<Configuration> order = plan.rounds().get(round);
            for (int i = 0; i < order.size(); i++) {
                Configuration configuration = order.get(i);
                out.println("# forkbench: interleaved round " + (round + 1) + "/" + rounds + ", " + (i + 1) + "/"
                        + order.size() + ": " + configuration.label());
                // A child builder adds its includes to its parent's, so narrowing to one benchmark takes an
                // exclude: everything whose name is not exactly this one.
                ChainedOptionsBuilder one = new OptionsBuilder().parent(options)
                        .exclude("^(?!" + Pattern.quote(configuration.benchmark()) + "$)")
                        .forks(1);
                if (options.getResult().hasValue() || options.getResultFormat().hasValue()) {
                    one.result(scratch.toString());
                }
                configuration.params().forEach(one::param);
                runs.addAll(new Runner(one.build()).run());
            }
        }
        return MergedResults.merge(runs, plan.configurations());
    }
}
