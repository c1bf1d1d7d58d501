package forkbench.statistics;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/** Distributions and tests shared by the interval computations. */
public final class Statistics {

    /** Inverting the t distribution is iterative; a big report asks for the same few quantiles thousands of times. */
    private static final Map<List<Double>, Double> QUANTILES = new ConcurrentHashMap<>();

    private Statistics() {
    }

    /** The two-sided Student's t critical value for {@code confidence} with {@code degreesOfFreedom}. */
    public static double t(double confidence, double degreesOfFreedom) {
        return QUANTILES.computeIfAbsent(List.of(confidence, degreesOfFreedom), key ->
                new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + confidence / 2));
    }

    /**
     * Welch-Satterthwaite degrees of freedom rounded down to a tenth: a slightly wider (never narrower) interval, and
     * a quantile that can be cached. The tolerance keeps 3.9999999 (rounding noise of an exact 4) at 4.
     */
    static double roundedDown(double df) {
        return Math.max(1, Math.floor(df * 10 + 1e-6) / 10);
    }

    /**
     * Welch-Satterthwaite degrees of freedom for comparing two means with unequal variances. At 3 forks a side
     * with equal noise it errs wide (coverage up to 97.3%); pooled degrees of freedom would be exact there but fall
     * to 92.7% when one side is three times noisier, which happens (a cold child against sequential). Measured in
     * docs/statistics.md.
     */
    static double degreesOfFreedom(double va, int na, double vb, int nb) {
        return roundedDown((va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1)));
    }

    /** The two-sided p-value of a t statistic. */
    static double twoSidedP(double t, double degreesOfFreedom) {
        if (Double.isNaN(t) || !(degreesOfFreedom > 0)) {
            return Double.NaN;
        }
        return 2 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(-Math.abs(t));
    }

    /** P(F > f) for the F distribution with the given degrees of freedom. */
    public static double fUpperTail(double f, double numerator, double denominator) {
        return 1 - new FDistribution(null, numerator, denominator).cumulativeProbability(f);
    }

    /**
     * Welch's comparison of two independent samples' means, {@code b - a}: the difference, its interval and its
     * two-sided p-value. {@code null} when either sample has fewer than two values.
     */
    public static Difference welch(Sample a, Sample b, double confidence) {
        if (a.count() < 2 || b.count() < 2) {
            return null;
        }
        double va = a.standardError() * a.standardError();
        double vb = b.standardError() * b.standardError();
        double difference = b.mean() - a.mean();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Difference(difference, difference, difference, difference == 0 ? 1 : 0);
        }
        double df = degreesOfFreedom(va, a.count(), vb, b.count());
        double half = t(confidence, df) * se;
        return new Difference(difference, difference - half, difference + half, twoSidedP(difference / se, df));
    }

    /** A difference of means with its interval and p-value. */
    public record Difference(double value, double low, double high, double p) {
    }

    /**
     * Holm's step-down adjustment of p-values for testing them all at once: each adjusted value can be compared with
     * the family-wise level directly. NaN stays NaN and does not count as a test.
     */
    public static double[] holm(double[] p) {
        int[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).mapToInt(Integer::intValue).toArray();
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            running = Math.max(running, Math.min(1, (order.length - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
