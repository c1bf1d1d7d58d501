package forkbench.report.model;

import forkbench.statistics.Sample;
import forkbench.statistics.Statistics;
import forkbench.report.input.Measurement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One configuration's measurements with the JVM fork as the unit of replication (Kalibera and Jones 2013): each
 * fork's mean time per operation is one observation, so the spread of fork means carries both the fork-to-fork
 * variation (JIT decisions, code layout, the machine's drift) and, divided down, the iteration noise within forks.
 * Pooling iterations across forks would count correlated iterations as independent and give intervals far too
 * narrow whenever forks differ; so it is never done here.
 *
 * <p>The split of the variance into its two levels (one-way random-effects ANOVA, method of moments) is descriptive:
 * it says where the noise comes from and how to spend a time budget (more forks or more iterations), it does not
 * enter the intervals.
 *
 * @param forkMeans     each fork's time per operation, ns
 * @param iterations    the measured iterations in each fork
 * @param within        variance of iterations within a fork (pooled over forks), ns²; NaN without two iterations in
 *                      some fork
 * @param between       variance of true fork means between forks, ns², at least 0; NaN with fewer than two forks
 */
public record Replicates(double[] forkMeans, int[] iterations, double within, double between) {

    /** Below this many forks the interval has too few degrees of freedom to say much; see {@link #caution()}. */
    public static final int FEW_FORKS = 3;

    public Replicates {
        forkMeans = forkMeans.clone();
        iterations = iterations.clone();
    }

    /** The forks of every measurement of one configuration (several when results were merged). */
    public static Replicates of(List<Measurement> measurements) {
        List<double[]> forks = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (Measurement m : measurements) {
            forks.addAll(List.of(m.forks()));
            Arrays.stream(m.forkMeans()).forEach(means::add);
        }
        return of(forks, means.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * @param forks {@code [fork][iteration]} times per operation, ns
     * @param means each fork's mean, as the mode defines it (see {@code Measurement#forkMeans})
     */
    public static Replicates of(List<double[]> forks, double[] means) {
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("a configuration needs at least one fork");
        }
        int k = forks.size();
        int[] counts = new int[k];
        double[] arithmetic = new double[k];
        double withinSquares = 0;
        int total = 0;
        for (int f = 0; f < k; f++) {
            double[] fork = forks.get(f);
            counts[f] = fork.length;
            total += fork.length;
            arithmetic[f] = Arrays.stream(fork).average().orElseThrow();
            for (double x : fork) {
                withinSquares += (x - arithmetic[f]) * (x - arithmetic[f]);
            }
        }
        double within = total > k ? withinSquares / (total - k) : Double.NaN;
        double between = Double.NaN;
        if (k > 1) {
            double grand = 0;
            for (int f = 0; f < k; f++) {
                grand += counts[f] * arithmetic[f];
            }
            grand /= total;
            double betweenSquares = 0;
            double sumOfSquaredCounts = 0;
            for (int f = 0; f < k; f++) {
                betweenSquares += counts[f] * (arithmetic[f] - grand) * (arithmetic[f] - grand);
                sumOfSquaredCounts += (double) counts[f] * counts[f];
            }
            double meanSquareBetween = betweenSquares / (k - 1);
            // The effective iterations per fork of an unbalanced design; n itself when every fork has n.
            double n0 = (total - sumOfSquaredCounts / total) / (k - 1);
            double withinPart = Double.isNaN(within) ? 0 : within;
            between = Math.max(0, (meanSquareBetween - withinPart) / n0);
        }
        return new Replicates(means, counts, within, between);
    }

    public int forks() {
        return forkMeans.length;
    }

    public int totalIterations() {
        return Arrays.stream(iterations).sum();
    }

    /** The mean time per operation: the mean of the fork means. */
    public double mean() {
        return Arrays.stream(forkMeans).average().orElseThrow();
    }

    /** The fork means as a sample: what every interval is built from. */
    public Sample sample() {
        return Sample.of(forkMeans);
    }

    /** Half-width of the interval of the mean, t over fork means; NaN with one fork. */
    public double halfWidth(double confidence) {
        return sample().halfWidth(confidence);
    }

    /** Why there is no interval, or {@code null} when there is one. */
    public String noInterval() {
        return forks() < 2 ? "1 fork: no fork-to-fork variation to measure; run >= " + FEW_FORKS
                + " forks (--interleave " + FEW_FORKS + ")" : null;
    }

    /** A caution for an interval that exists but is honest only by being very wide; {@code null} when none. */
    public String caution() {
        return forks() == 2 ? "2 forks: 1 degree of freedom, so a very wide interval" : null;
    }

    /** The share of the variance of a single iteration that lies between forks; NaN when it cannot be split. */
    public double betweenShare() {
        double total = within + between;
        return Double.isNaN(total) || total == 0 ? Double.NaN : between / total;
    }

    /**
     * Whether the fork means differ by more than the iterations within forks explain: the ANOVA F test at
     * {@code level}, and fork means more than {@code spread} apart (relative to the mean), so that a real but
     * harmless difference does not raise a warning.
     */
    public boolean forksDisagree(double level, double spread) {
        if (forks() < 2 || Double.isNaN(within) || within == 0) {
            return false;
        }
        double max = Arrays.stream(forkMeans).max().orElseThrow();
        double min = Arrays.stream(forkMeans).min().orElseThrow();
        if ((max - min) / mean() <= spread) {
            return false;
        }
        int k = forks();
        int total = totalIterations();
        double n0 = (total - Arrays.stream(iterations).mapToDouble(n -> (double) n * n).sum() / total) / (k - 1);
        double f = (within + n0 * between) / within;
        return Statistics.fUpperTail(f, k - 1, total - k) < level;
    }
}
