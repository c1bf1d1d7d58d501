package forkbench.interleave;

import forkbench.report.model.Replicates;
import org.apache.commons.math3.distribution.TDistribution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * @param shortfall  where the most rounds allowed should stop the run short of the target, if they should
 */
public record Plan(double percent, int configurations, int iterations, int rounds, Duration remaining,
                   Optional<Shortfall> shortfall) {

    /**
     * The configuration furthest from the target once the most rounds allowed have run.
     *
     * @param label    its label
     * @param percent  the half-width it should have then, in percent of its mean
     * @param maxRounds the most rounds allowed
     */
    public record Shortfall(String label, double percent, int maxRounds) {
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
        Shortfall shortfall = null;
        for (Status status : pilot) {
            int needed = forksNeeded(status.replicates(), iterations, target.percent() / 100, target.maxRounds());
            rounds = Math.max(rounds, needed);
            double atCap = halfWidthPercent(status.replicates(), iterations, Math.max(needed, status.forks()));
            if (atCap > target.percent() && (shortfall == null || atCap > shortfall.percent())) {
                shortfall = new Shortfall(status.configuration().label(), atCap, target.maxRounds());
            }
            Cost cost = costs.get(status.configuration());
            double fork = cost.fixedSeconds(measuredIterations) + iterations * cost.iterationSeconds();
            seconds += Math.max(0, needed - status.forks()) * fork;
        }
        return new Plan(target.percent(), pilot.size(), iterations, rounds, Duration.ofMillis((long) (seconds * 1000)),
                Optional.ofNullable(shortfall));
    }

    /** The smallest k whose fork-level half-width is within {@code fraction} of the mean, at most {@code max}. */
    static int forksNeeded(Replicates r, int iterations, double fraction, int max) {
        for (int k = Target.MIN_PILOT_ROUNDS; k < max; k++) {
            if (halfWidthPercent(r, iterations, k) <= 100 * fraction) {
                return k;
            }
        }
        return max;
    }

    /** The fork-level 95% half-width, in percent of the mean, that {@code k} forks of this spread should give. */
    private static double halfWidthPercent(Replicates r, int iterations, int k) {
        double within = Double.isNaN(r.within()) ? 0 : r.within();
        double between = Double.isNaN(r.between()) ? r.sample().standardDeviation() * r.sample().standardDeviation()
                : r.between();
        double perFork = between + within / iterations;
        double t = new TDistribution(null, Math.max(1, k - 1)).inverseCumulativeProbability(0.975);
        return 100 * t * Math.sqrt(perFork / k) / r.mean();
    }

    /**
     * {@code ±2% for 44 configurations ≈ 18 rounds × 2 iterations ≈ 41 min}, and where the most rounds allowed
     * stop short of the target, by how much.
     */
    public String describe() {
        return String.format(Locale.ROOT, "±%s%% for %d configuration%s ≈ %d rounds × %d iteration%s ≈ %s more",
                percent(percent), configurations, configurations == 1 ? "" : "s", rounds, iterations,
                iterations == 1 ? "" : "s", minutes(remaining))
                + shortfall.map(s -> String.format(Locale.ROOT, "; the most rounds allowed (%d) stop short of it: "
                        + "%s should reach about ±%s%%", s.maxRounds(), s.label(), percent(s.percent()))).orElse("");
    }

    /** {@code forecast 41 min more}, or where the most rounds allowed stop short, to what they should reach. */
    public String forecast() {
        return "forecast " + minutes(remaining) + " more" + shortfall.map(s -> " to the most rounds allowed ("
                + s.maxRounds() + "), short of the target: " + s.label() + " should end near ±" + percent(s.percent())
                + "%").orElse("");
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
