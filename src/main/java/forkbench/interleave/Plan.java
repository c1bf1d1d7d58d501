package forkbench.interleave;

import forkbench.report.model.Replicates;
import org.apache.commons.math3.distribution.TDistribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many more rounds, and how many measured iterations per fork, a precision target needs, estimated from the
 * rounds run so far (the pilot). Kalibera and Jones (2013): with a between-fork variance σb², a within-fork
 * variance σw², a fork costing cf (JVM start and warm-up) and an iteration ci, the variance of the mean for a given
 * time is smallest with m = sqrt((cf / ci) · (σw² / σb²)) iterations per fork; then k forks give a half-width of
 * t(k-1) · sqrt((σb² + σw² / m) / k). When forks differ much more than iterations (this VM: σb² ≈ 2-3 σw²) and a
 * fork costs about as much as two iterations, m comes out at 1-2: many short forks.
 *
 * @param iterations measured iterations per fork for the rounds that follow
 * @param rounds     the rounds the slowest configuration needs in all (capped at the target's maximum)
 * @param remaining  the time the rounds still to run should take
 */
public record Plan(double percent, int configurations, int iterations, int rounds, Duration remaining) {

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
     * @param pilot              each configuration still to converge, with its forks so far
     * @param costs              each one's measured cost
     * @param measuredIterations the iterations per fork the pilot ran
     * @param done               rounds already run
     */
    public static Plan of(Target target, Collection<Status> pilot, Map<Configuration, Cost> costs,
                          int measuredIterations, int done) {
        List<Double> best = new ArrayList<>();
        for (Status status : pilot) {
            Replicates r = status.replicates();
            Cost cost = costs.get(status.configuration());
            double within = Double.isNaN(r.within()) ? 0 : r.within();
            double between = Double.isNaN(r.between()) ? 0 : r.between();
            // A pilot of a few forks that shows no between-fork variance is no evidence that there is none: then
            // the pilot's own iteration count stands.
            double m = between == 0 ? measuredIterations
                    : Math.sqrt(cost.fixedSeconds(measuredIterations) / cost.iterationSeconds() * within / between);
            best.add(Math.max(1, Math.min(MAX_ITERATIONS, m)));
        }
        best.sort(null);
        int iterations = best.isEmpty() ? measuredIterations : (int) Math.round(best.get(best.size() / 2));
        int rounds = done;
        double seconds = 0;
        for (Status status : pilot) {
            int needed = forksNeeded(status.replicates(), iterations, target.percent() / 100, target.maxRounds());
            rounds = Math.max(rounds, needed);
            Cost cost = costs.get(status.configuration());
            double fork = cost.fixedSeconds(measuredIterations) + iterations * cost.iterationSeconds();
            seconds += Math.max(0, needed - status.forks()) * fork;
        }
        return new Plan(target.percent(), pilot.size(), iterations, rounds, Duration.ofMillis((long) (seconds * 1000)));
    }

    /** The smallest k whose fork-level half-width is within {@code fraction} of the mean, at most {@code max}. */
    static int forksNeeded(Replicates r, int iterations, double fraction, int max) {
        double within = Double.isNaN(r.within()) ? 0 : r.within();
        double between = Double.isNaN(r.between()) ? r.sample().standardDeviation() * r.sample().standardDeviation()
                : r.between();
        double perFork = between + within / iterations;
        double target = fraction * r.mean();
        for (int k = Target.MIN_PILOT_ROUNDS; k < max; k++) {
            double t = new TDistribution(null, k - 1).inverseCumulativeProbability(0.975);
            if (t * Math.sqrt(perFork / k) <= target) {
                return k;
            }
        }
        return max;
    }

    /** {@code ±2% for 44 configurations ≈ 18 rounds × 2 iterations ≈ 41 min}. */
    public String describe() {
        return String.format(Locale.ROOT, "±%s%% for %d configuration%s ≈ %d rounds × %d iteration%s ≈ %s more",
                trim(percent), configurations, configurations == 1 ? "" : "s", rounds, iterations,
                iterations == 1 ? "" : "s", minutes(remaining));
    }

    public static String minutes(Duration time) {
        long seconds = time.toSeconds();
        return seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
