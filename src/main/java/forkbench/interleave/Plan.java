package forkbench.interleave;

import forkbench.report.model.Replicates;
import forkbench.statistics.TwoStage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the pilot rounds decided and what the rest of the run will measure (see {@link TwoStage}): each
 * configuration's stage and total forks, the measured iterations per fork from here on, and what that should cost.
 *
 * <p>Iterations per fork follow Kalibera and Jones (2013): with a between-fork variance σb², a within-fork variance
 * σw², a fork costing cf (JVM start and warm-up) and an iteration ci, the variance of the mean for a given time is
 * smallest with m = sqrt((cf / ci) · (σw² / σb²)) iterations per fork. When forks differ much more than iterations
 * and a fork costs about as much as two iterations, m comes out at 1-2: many short forks. The second stage is a
 * fresh sample, so changing its iterations does not touch the intervals' validity.
 *
 * @param target     what the run aims for
 * @param stages     each configuration's stage
 * @param totals     each configuration's forks in all once the plan is done (pilot included)
 * @param forkCost   what a fork of each configuration should cost from here on, in seconds
 * @param iterations measured iterations per fork for the rounds that follow
 */
public record Plan(Target target, Map<Configuration, TwoStage.Stage> stages, Map<Configuration, Integer> totals,
                   Map<Configuration, Double> forkCost, int iterations) {

    public Plan {
        stages = Map.copyOf(stages);
        totals = Map.copyOf(totals);
        forkCost = Map.copyOf(forkCost);
    }

    /** Past a few iterations per fork, more forks almost always buy more precision for the same time. */
    private static final int MAX_ITERATIONS = 5;

    /** What one configuration's fork costs, measured in the pilot. */
    public record Cost(double forkSeconds, double iterationSeconds) {

        /** The fixed part of a fork: what it costs beyond its measured iterations. */
        double fixedSeconds(int measuredIterations) {
            return Math.max(0.05, forkSeconds - measuredIterations * iterationSeconds);
        }
    }

    /**
     * @param pilot              every configuration's pilot forks
     * @param costs              each one's measured cost
     * @param measuredIterations the iterations per fork the pilot ran
     */
    public static Plan of(Target target, Map<Configuration, Replicates> pilot, Map<Configuration, Cost> costs,
                          int measuredIterations) {
        return of(target, pilot, costs, measuredIterations, OptionalInt.empty());
    }

    /**
     * @param chosen the iterations per fork the run chose before it was interrupted, kept when it is resumed so that
     *               every second-stage fork measures alike; empty to choose them here
     */
    public static Plan of(Target target, Map<Configuration, Replicates> pilot, Map<Configuration, Cost> costs,
                          int measuredIterations, OptionalInt chosen) {
        Map<Configuration, TwoStage.Pilot> pilots = new LinkedHashMap<>();
        pilot.forEach((configuration, r) -> pilots.put(configuration,
                new TwoStage.Pilot(configuration.job(), configuration.benchmark(), r.forkMeans())));
        Map<Configuration, TwoStage.Planned> planned = TwoStage.plan(pilots, target.goal());
        int iterations = chosen.orElseGet(() -> iterations(pilot, costs, measuredIterations));
        Map<Configuration, TwoStage.Stage> stages = new LinkedHashMap<>();
        Map<Configuration, Integer> totals = new LinkedHashMap<>();
        Map<Configuration, Double> forkCost = new LinkedHashMap<>();
        planned.forEach((configuration, p) -> {
            stages.put(configuration, p.stage());
            totals.put(configuration, target.minRounds() + p.forks());
            Cost cost = costs.get(configuration);
            forkCost.put(configuration, cost.fixedSeconds(measuredIterations) + iterations * cost.iterationSeconds());
        });
        return new Plan(target, stages, totals, forkCost, iterations);
    }

    /** The iterations per fork that buy the most precision for the time: the median configuration's choice. */
    private static int iterations(Map<Configuration, Replicates> pilot, Map<Configuration, Cost> costs,
                                  int measuredIterations) {
        List<Double> best = new ArrayList<>();
        pilot.forEach((configuration, r) -> {
            Cost cost = costs.get(configuration);
            double within = Double.isNaN(r.within()) ? 0 : r.within();
            double between = Double.isNaN(r.between()) ? 0 : r.between();
            // A pilot of a few forks that shows no between-fork variance is no evidence that there is none: then
            // the pilot's own iteration count stands.
            double m = between == 0 ? measuredIterations
                    : Math.sqrt(cost.fixedSeconds(measuredIterations) / cost.iterationSeconds() * within / between);
            best.add(Math.max(1, Math.min(MAX_ITERATIONS, m)));
        });
        best.sort(null);
        return best.isEmpty() ? measuredIterations : (int) Math.round(best.get(best.size() / 2));
    }

    /** The configurations still short of their planned forks, given the forks each has. */
    public List<Configuration> due(Map<Configuration, Integer> forks) {
        return totals.entrySet().stream().filter(e -> forks.getOrDefault(e.getKey(), 0) < e.getValue())
                .map(Map.Entry::getKey).toList();
    }

    /** The rounds the plan takes in all: the most forks any configuration is planned to have. */
    public int rounds() {
        return totals.values().stream().mapToInt(Integer::intValue).max().orElse(target.minRounds());
    }

    /** What the forks still to run should cost. */
    public Duration remaining(Map<Configuration, Integer> forks) {
        double seconds = 0;
        for (Map.Entry<Configuration, Integer> e : totals.entrySet()) {
            seconds += Math.max(0, e.getValue() - forks.getOrDefault(e.getKey(), 0)) * forkCost.get(e.getKey());
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }

    long count(TwoStage.Stage stage) {
        return stages.values().stream().filter(stage::equals).count();
    }

    /** Configurations whose plan reached the most rounds allowed: they may end undecided. */
    long capped() {
        return totals.values().stream().filter(t -> t >= target.maxRounds()).count();
    }

    /**
     * {@code 12 of 31 configurations decided by the pilot, 17 measured again: 96 fresh forks (at most 9 rounds) ×
     * 2 iterations ≈ 4 min more}, and how many the most rounds allowed stop short.
     */
    public String describe() {
        Map<Configuration, Integer> forks = new LinkedHashMap<>();
        totals.keySet().forEach(c -> forks.put(c, target.minRounds()));
        int fresh = 0;
        for (Map.Entry<Configuration, Integer> e : totals.entrySet()) {
            fresh += Math.max(0, e.getValue() - forks.getOrDefault(e.getKey(), 0));
        }
        long capped = capped();
        return String.format(Locale.ROOT, "%d of %d configurations decided by the pilot, %d measured again: %s "
                        + "(%d rounds in all) × %s ≈ %s more%s", count(TwoStage.Stage.DECIDED_IN_PILOT),
                stages.size(), count(TwoStage.Stage.SECOND_STAGE) + count(TwoStage.Stage.REFERENCE),
                count(fresh, "fresh fork"), rounds(), count(iterations, "iteration"), minutes(remaining(forks)),
                capped == 0 ? "" : "; " + count((int) capped, "configuration") + " at the most rounds allowed ("
                        + target.maxRounds() + "), which may stop short of it");
    }

    /** {@code 1 round}, {@code 3 rounds}: a count and its noun, singular for one. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public static String minutes(Duration time) {
        long seconds = time.toSeconds();
        return seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }

    /** A percentage as a person writes it: 2, 45.6, 0.5, 0.0000001 (never 1.0E-7): one decimal from 1 up, two digits below. */
    public static String percent(double value) {
        BigDecimal exact = BigDecimal.valueOf(value);
        BigDecimal shown = value >= 1 ? exact.setScale(1, RoundingMode.HALF_UP) : exact.round(new MathContext(2));
        return shown.stripTrailingZeros().toPlainString();
    }
}
