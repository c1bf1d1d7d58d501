package forkbench.statistics;

/**
 * A ratio of two means with its confidence interval by Fieller's method, which, unlike dividing the two intervals,
 * accounts for the uncertainty of the denominator properly. Used for speedups: baseline time / strategy time.
 *
 * @param value       the ratio of the means
 * @param low         the interval's lower end; {@code null} when it cannot be computed (fewer than 2 samples on a
 *                    side) or is unbounded (the denominator is not significantly different from zero)
 * @param high        the interval's upper end, {@code null} likewise
 * @param significant whether the interval excludes 1; {@code null} when there is no interval
 */
public record Ratio(double value, Double low, Double high, Boolean significant) {

    /** The ratio of {@code numerator}'s mean to {@code denominator}'s, the two samples independent. */
    public static Ratio of(Sample numerator, Sample denominator, double confidence) {
        double a = numerator.mean();
        double b = denominator.mean();
        double q = a / b;
        if (numerator.count() < 2 || denominator.count() < 2) {
            return new Ratio(q, null, null, null);
        }
        double v11 = square(numerator.standardError());
        double v22 = square(denominator.standardError());
        double spread = v11 + q * q * v22;
        if (spread == 0) {
            return new Ratio(q, q, q, q != 1);
        }
        // Degrees of freedom for the combined variance of a - q*b: see Statistics.degreesOfFreedom.
        double t = Statistics.t(confidence, Statistics.degreesOfFreedom(v11, numerator.count(), q * q * v22,
                denominator.count()));
        double g = t * t * v22 / (b * b);
        if (g >= 1) {
            return new Ratio(q, null, null, null);
        }
        double half = (t / b) * Math.sqrt(v11 * (1 - g) + q * q * v22);
        // Both means are times, so the ratio is positive: an interval reaching below zero (possible with very few
        // degrees of freedom) says only that it is unbounded there.
        double low = Math.max(0, (q - half) / (1 - g));
        double high = (q + half) / (1 - g);
        return new Ratio(q, low, high, low > 1 || high < 1);
    }

    private static double square(double x) {
        return x * x;
    }
}
