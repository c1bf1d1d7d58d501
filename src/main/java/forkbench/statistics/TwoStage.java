package forkbench.statistics;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run in rounds measures until the verdict and still reports intervals that cover at their nominal rate: a
 * two-stage design with an internal pilot that is used for planning only.
 *
 * <ol>
 *   <li>The pilot: every configuration gets the same few forks.</li>
 *   <li>The pilot look: in each job, the configuration fastest in the pilot is the reference. A configuration whose
 *       ratio to the reference lies above 1 even at {@value #PILOT_LOOK} confidence is decided there and measured
 *       no more (Haybittle and Peto: a look that strict costs the final test next to nothing).</li>
 *   <li>The plan: every other comparison gets the fresh forks a side that should decide it (slower, or equivalent
 *       within the margin) with 80% probability, from the pilot's ratio and spread; a precision target adds the
 *       forks its width needs, planned on an upper bound of the pilot's spread.</li>
 *   <li>The final judgement is taken once, on the second stage's forks alone, with ordinary fixed-size intervals,
 *       against the pilot's reference: one chosen by the forks it is then compared on would look faster than it
 *       is (the winner's curse), and a second choice among the judged forks brings that back.
 *       Whatever the pilot decided, the second stage is a fresh sample of a size fixed before it began, so its
 *       intervals cover exactly as a fixed design's do; a pilot reused in the final estimate would not (the plan
 *       depends on its means, and a lucky pilot would shorten its own test).</li>
 * </ol>
 *
 * A configuration that never got two second-stage forks (decided in the pilot, or cut by the time budget) is judged
 * on its pilot. Nothing here knows JMH: a key per configuration, its job, and its pilot's fork means.
 */
public final class TwoStage {

    /** The confidence at which the pilot may decide a comparison on its own. */
    public static final double PILOT_LOOK = 0.999;
    /** The confidence of every final interval and decision. */
    public static final double CONFIDENCE = 0.95;
    /** The fewest forks a second stage gets: two give an interval, three one worth having. */
    public static final int MIN_SECOND_STAGE = 3;
    /** One-sided normal quantile of the power the plan aims for (80%). */
    private static final double POWER = 0.8416;
    /** How sure the width plan is that the pilot did not understate the spread. */
    private static final double SPREAD_BOUND = 0.8;

    private TwoStage() {
    }

    /** What the pilot made of a configuration. */
    public enum Stage {
        /** The fastest of its job in the pilot: what the others are compared with. */
        REFERENCE,
        /** Shown slower than the reference by the pilot alone, at {@value #PILOT_LOOK}: measured no more. */
        DECIDED_IN_PILOT,
        /** Measured again: {@code forks} fresh forks decide it. */
        SECOND_STAGE,
        /** Alone in its job with no width to reach: nothing to decide. */
        ALONE
    }

    /** The plan for one configuration: its stage and the second-stage forks it needs (0 for none). */
    public record Planned(Stage stage, int forks) {
    }

    /**
     * One configuration's pilot: its job, its strategy (a job shows each strategy once, at its best worker count)
     * and its fork means.
     */
    public record Pilot(Object job, Object strategy, double[] forkMeans) {

        public Pilot {
            forkMeans = forkMeans.clone();
        }

        Sample sample() {
            return Sample.of(forkMeans);
        }
    }

    /**
     * What to aim for.
     *
     * @param margin     the equivalence margin: two configurations within this share of each other are the same
     * @param precision  the half-width every shown configuration should reach, a share of its mean; empty for none
     * @param verdict    whether every comparison should be decided (else only the precision counts)
     * @param maxForks   the most second-stage forks any configuration gets
     */
    public record Goal(double margin, Optional<Double> precision, boolean verdict, int maxForks) {

        public Goal {
            if (!verdict && precision.isEmpty()) {
                throw new IllegalArgumentException("a goal needs a verdict, a precision or both");
            }
            if (maxForks < MIN_SECOND_STAGE) {
                throw new IllegalArgumentException("a second stage needs at least " + MIN_SECOND_STAGE + " forks");
            }
        }
    }

    /**
     * The plan for every configuration of {@code pilots}, in their order. Every pilot needs at least 2 forks; the
     * reference of a job is its fastest pilot mean, the first of equals.
     */
    public static <K> Map<K, Planned> plan(Map<K, Pilot> pilots, Goal goal) {
        Map<Object, K> references = references(pilots);
        Map<K, Stage> stages = new LinkedHashMap<>();
        Map<K, Integer> forks = new LinkedHashMap<>();
        pilots.keySet().forEach(k -> forks.put(k, 0));
        for (Map.Entry<K, Pilot> entry : pilots.entrySet()) {
            K key = entry.getKey();
            K reference = references.get(entry.getValue().job());
            if (key.equals(reference)) {
                stages.put(key, Stage.REFERENCE);
                continue;
            }
            Sample own = entry.getValue().sample();
            Sample best = pilots.get(reference).sample();
            Ratio look = Ratio.of(own, best, PILOT_LOOK);
            if (Boolean.TRUE.equals(look.significant()) && look.value() > 1) {
                stages.put(key, Stage.DECIDED_IN_PILOT);
                continue;
            }
            stages.put(key, Stage.SECOND_STAGE);
            if (goal.verdict()) {
                int needed = forksToDecide(own, best, goal.margin(), goal.maxForks());
                forks.merge(key, needed, Math::max);
                forks.merge(reference, needed, Math::max);
            }
        }
        goal.precision().ifPresent(share -> shown(pilots).forEach(key -> forks.merge(key,
                forksForWidth(pilots.get(key).sample(), share, goal.maxForks()), Math::max)));
        Map<K, Planned> plan = new LinkedHashMap<>();
        for (K key : pilots.keySet()) {
            int n = forks.get(key);
            if (n > 0) {
                // A second stage no smaller than its pilot: a row judged on fresh forks never rests on fewer.
                n = Math.max(n, Math.min(pilots.get(key).forkMeans.length, goal.maxForks()));
            }
            Stage stage = stages.get(key);
            if (stage == Stage.REFERENCE && n == 0) {
                stage = Stage.ALONE;
            } else if (stage == Stage.DECIDED_IN_PILOT && n > 0) {
                stage = Stage.SECOND_STAGE;
            }
            plan.put(key, new Planned(stage, n));
        }
        return plan;
    }

    /** Each job's reference: its fastest configuration in the pilot. */
    public static <K> Map<Object, K> references(Map<K, Pilot> pilots) {
        Map<Object, K> references = new LinkedHashMap<>();
        pilots.forEach((key, pilot) -> references.merge(pilot.job(), key, (a, b) ->
                pilots.get(b).sample().mean() < pilots.get(a).sample().mean() ? b : a));
        return references;
    }

    /** The configurations the answer shows, as the pilot sees them: each strategy's fastest in each job. */
    private static <K> List<K> shown(Map<K, Pilot> pilots) {
        Map<List<Object>, K> fastest = new LinkedHashMap<>();
        pilots.forEach((key, pilot) -> fastest.merge(List.of(pilot.job(), pilot.strategy()), key, (a, b) ->
                pilots.get(b).sample().mean() < pilots.get(a).sample().mean() ? b : a));
        return new ArrayList<>(fastest.values());
    }

    /**
     * The fewest fresh forks a side that should decide {@code own} against {@code best}: its ratio's distance to the
     * nearest decision (above 1 for slower, inside the margin for equivalent) should be the 95% quantile plus the
     * 80% power quantile of standard errors away, on the log scale, with the pilot's spreads; {@code max} when it
     * would take that many or more.
     */
    public static int forksToDecide(Sample own, Sample best, double margin, int max) {
        double distance = Math.abs(Math.log(own.mean() / best.mean()));
        double target = Math.max(distance, Math.log(1 + margin) - distance);
        double spread = square(own.variation()) + square(best.variation());
        for (int k = MIN_SECOND_STAGE; k < max; k++) {
            double se = Math.sqrt(spread / k);
            if ((Statistics.t(CONFIDENCE, 2.0 * k - 2) + POWER) * se <= target) {
                return k;
            }
        }
        return max;
    }

    /**
     * The fewest fresh forks whose 95% half-width should be within {@code share} of the mean, with the spread at an
     * {@value #SPREAD_BOUND} upper confidence bound of the pilot's (a pilot of 3 forks often understates it).
     */
    static int forksForWidth(Sample pilot, double share, int max) {
        int df = pilot.count() - 1;
        double bound = pilot.standardDeviation() * Math.sqrt(df
                / new ChiSquaredDistribution(null, df).inverseCumulativeProbability(1 - SPREAD_BOUND));
        for (int k = MIN_SECOND_STAGE; k < max; k++) {
            if (Statistics.t(CONFIDENCE, k - 1) * bound / Math.sqrt(k) <= share * pilot.mean()) {
                return k;
            }
        }
        return max;
    }

    /** Forks {@code from} (inclusive) to {@code to} (exclusive) of a configuration's, in the order they ran. */
    public record Forks(int from, int to) {
    }

    /**
     * The forks a configuration of {@code forks} is judged on: those after its {@code pilot} first when there are
     * at least two, else the pilot's (decided there, or cut short by the time budget).
     */
    public static Forks judged(int forks, int pilot) {
        return forks >= pilot + 2 ? new Forks(pilot, forks) : new Forks(0, Math.min(pilot, forks));
    }

    private static double square(double x) {
        return x * x;
    }
}
