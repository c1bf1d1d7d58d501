package forkbench.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Optional;

/**
 * A ratio of two means with its confidence interval by Fieller's method, which, unlike dividing the two intervals,
 * accounts for the uncertainty of the denominator properly. Used for speedups: baseline time / strategy time.
 * Whether it is significant is not stored but read off the interval: it is when the interval excludes 1.
 *
 * @param value    the ratio of the means
 * @param interval its interval; empty when it cannot be computed (fewer than 2 samples on a side, or a denominator
 *                 not significantly different from zero)
 */
@JsonPropertyOrder({"value", "low", "high", "significant"})
public record Ratio(double value, @JsonIgnore Optional<Interval> interval) {

    /** A closed interval; {@code high} may be infinite (unbounded above), {@code low} is at least 0. */
    public record Interval(double low, double high) {

        public boolean contains(double x) {
            return low <= x && x <= high;
        }
    }

    /** A ratio whose interval could not be computed. */
    public static Ratio withoutInterval(double value) {
        return new Ratio(value, Optional.empty());
    }

    public static Ratio of(double value, double low, double high) {
        return new Ratio(value, Optional.of(new Interval(low, high)));
    }

    /** The interval's lower end, {@code null} without one. */
    @JsonProperty
    public Double low() {
        return interval.map(Interval::low).orElse(null);
    }

    /** The interval's upper end, {@code null} without one or where it is unbounded. */
    @JsonProperty
    public Double high() {
        return interval.map(Interval::high).filter(Double::isFinite).orElse(null);
    }

    /** Whether the interval excludes 1; {@code null} without an interval. */
    @JsonProperty
    public Boolean significant() {
        return interval.map(i -> !i.contains(1)).orElse(null);
    }

    /**
     * Whether this ratio is shown to lie within {@code margin} of 1: its interval inside [1 / (1 + margin),
     * 1 + margin] — two one-sided tests, each at half the interval's error rate (2.5% each for a 95% interval).
     */
    public boolean within(double margin) {
        return interval.map(i -> i.low() >= 1 / (1 + margin) && i.high() <= 1 + margin).orElse(false);
    }

    /** Whether its interval says next to nothing: unbounded, reaching 0, or spanning more than a factor of 10. */
    public boolean tooWide() {
        return interval.map(i -> i.low() <= 0 || !Double.isFinite(i.high()) || i.high() / i.low() > 10)
                .orElse(false);
    }

    /** This ratio turned over: b / a, its interval's ends turned over and swapped. */
    public Ratio inverse() {
        return new Ratio(1 / value, interval.map(i -> new Interval(i.high() == 0 ? 0 : 1 / i.high(),
                i.low() == 0 ? Double.POSITIVE_INFINITY : 1 / i.low())));
    }

    /** The ratio of {@code numerator}'s mean to {@code denominator}'s, the two samples independent. */
    public static Ratio of(Sample numerator, Sample denominator, double confidence) {
        double a = numerator.mean();
        double b = denominator.mean();
        double q = a / b;
        if (numerator.count() < 2 || denominator.count() < 2) {
            return withoutInterval(q);
        }
        double v11 = square(numerator.standardError());
        double v22 = square(denominator.standardError());
        double spread = v11 + q * q * v22;
        if (spread == 0) {
            return of(q, q, q);
        }
        // Degrees of freedom for the combined variance of a - q*b: see Statistics.degreesOfFreedom.
        double t = Statistics.t(confidence, Statistics.degreesOfFreedom(v11, numerator.count(), q * q * v22,
                denominator.count()));
        double g = t * t * v22 / (b * b);
        if (g >= 1) {
            return withoutInterval(q);
        }
        double half = (t / b) * Math.sqrt(v11 * (1 - g) + q * q * v22);
        // Both means are times, so the ratio is positive: an interval reaching below zero (possible with very few
        // degrees of freedom) says only that it is unbounded there.
        double low = Math.max(0, (q - half) / (1 - g));
        double high = (q + half) / (1 - g);
        return of(q, low, high);
    }

    private static double square(double x) {
        return x * x;
    }
}
