package forkbench.report;

import forkbench.statistics.Ratio;
import forkbench.report.model.Replicates;
import forkbench.statistics.Sample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Do nominal 95% intervals cover the truth 95% of the time? Simulated two-level data with a known truth: fork
 * effects b ~ N(0, s·v) and iteration noise e ~ N(0, (1-s)·v), v = (5% of the mean)², for a time (mean 100) and a
 * ratio of two configurations (100 / 50 = 2, the same CV each, or the second three times noisier; the same number of
 * forks each, or 3 against 10). The fork-level intervals report uses must cover 93-97% of the time in every
 * setting; the pooled intervals it used before (every iteration counted as independent) fail wherever forks differ
 * and there is more than one iteration per fork. The tables are docs/statistics.md's.
 */
class CoverageTest {

    private static final int RUNS = 2_000;
    private static final double CONFIDENCE = 0.95;
    private static final double CV = 0.05;
    private static final double[] SHARES = {0, 0.3, 0.7, 0.9};
    private static final int[] FORKS = {3, 5, 10, 20};
    private static final int[] ITERATIONS = {1, 3, 10};

    private record Coverage(double share, int forks, int otherForks, double noise, int iterations, double mean,
                            double ratio, double pooledMean, double pooledRatio) {
    }

    @Test
    void forkLevelIntervalsCoverTheTruthAtTheNominalRateAndPooledOnesDoNot() throws IOException {
        List<Coverage> table = new ArrayList<>();
        for (double share : SHARES) {
            for (int forks : FORKS) {
                for (int iterations : ITERATIONS) {
                    table.add(simulate(share, forks, forks, 1, iterations));
                }
            }
        }
        // The harder cases for a ratio: one side noisier, or measured in fewer forks (the Welch path).
        List<Coverage> uneven = new ArrayList<>();
        for (double share : new double[] {0.3, 0.9}) {
            for (int[] forks : new int[][] {{3, 3}, {5, 5}, {10, 10}, {3, 10}, {10, 3}}) {
                for (double noise : new double[] {1, 3}) {
                    uneven.add(simulate(share, forks[0], forks[1], noise, 3));
                }
            }
        }
        writeTables(table, uneven);
        List<Coverage> all = new ArrayList<>(table);
        all.addAll(uneven);
        for (Coverage c : all) {
            String where = c.toString();
            assertTrue(c.mean() >= 0.93 && c.mean() <= 0.97, "fork-level mean, " + where);
            // Welch's estimated degrees of freedom err wide at 3 forks a side, and a little narrow when one side has
            // 3 forks against 10 (docs/statistics.md says so and why interleaved rounds avoid it).
            double low = c.forks() == c.otherForks() ? 0.93 : 0.92;
            double high = Math.min(c.forks(), c.otherForks()) == 3 ? 0.975 : 0.97;
            assertTrue(c.ratio() >= low && c.ratio() <= high, "fork-level ratio, " + where);
            if (c.share() >= 0.3 && c.iterations() >= 3) {
                assertTrue(c.pooledMean() < 0.93, "pooled mean should fail, " + where);
                assertTrue(c.pooledRatio() < 0.93, "pooled ratio should fail, " + where);
            }
        }
    }

    /**
     * @param noise how many times the second configuration's CV is the first's
     */
    private static Coverage simulate(double share, int forks, int otherForks, double noise, int iterations) {
        SplittableRandom random = new SplittableRandom(Double.hashCode(share) * 31L + forks * 1000L
                + otherForks * 100_000L + Double.hashCode(noise) * 7L + iterations);
        int mean = 0;
        int ratio = 0;
        int pooledMean = 0;
        int pooledRatio = 0;
        for (int run = 0; run < RUNS; run++) {
            double[][] a = configuration(random, 100, CV, share, forks, iterations);
            double[][] b = configuration(random, 50, CV * noise, share, otherForks, iterations);
            Replicates ra = replicates(a);
            Replicates rb = replicates(b);
            double half = ra.halfWidth(CONFIDENCE);
            mean += Math.abs(ra.mean() - 100) <= half ? 1 : 0;
            ratio += covers(Ratio.of(ra.sample(), rb.sample(), CONFIDENCE), 2) ? 1 : 0;
            Sample pa = Sample.of(flatten(a));
            Sample pb = Sample.of(flatten(b));
            pooledMean += Math.abs(pa.mean() - 100) <= pa.halfWidth(CONFIDENCE) ? 1 : 0;
            pooledRatio += covers(Ratio.of(pa, pb, CONFIDENCE), 2) ? 1 : 0;
        }
        return new Coverage(share, forks, otherForks, noise, iterations, (double) mean / RUNS,
                (double) ratio / RUNS, (double) pooledMean / RUNS, (double) pooledRatio / RUNS);
    }

    /** {@code [fork][iteration]} around {@code truth}: a fork effect, then iteration noise. */
    private static double[][] configuration(SplittableRandom random, double truth, double cv, double share,
                                            int forks, int iterations) {
        double variance = (cv * truth) * (cv * truth);
        double betweenSd = Math.sqrt(share * variance);
        double withinSd = Math.sqrt((1 - share) * variance);
        double[][] data = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double forkEffect = betweenSd * random.nextGaussian();
            for (int i = 0; i < iterations; i++) {
                data[f][i] = truth + forkEffect + withinSd * random.nextGaussian();
            }
        }
        return data;
    }

    private static Replicates replicates(double[][] data) {
        double[] means = Arrays.stream(data).mapToDouble(fork -> Arrays.stream(fork).average().orElseThrow()).toArray();
        return Replicates.of(List.of(data), means);
    }

    private static boolean covers(Ratio ratio, double truth) {
        return ratio.low() != null && ratio.low() <= truth && truth <= ratio.high();
    }

    private static double[] flatten(double[][] data) {
        return Arrays.stream(data).flatMapToDouble(Arrays::stream).toArray();
    }

    private static void writeTables(List<Coverage> table, List<Coverage> uneven) throws IOException {
        StringBuilder md = new StringBuilder("| between-fork share | forks | iterations per fork | mean: fork-level "
                + "| mean: pooled | ratio: fork-level | ratio: pooled |\n|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Coverage c : table) {
            md.append(String.format(Locale.ROOT, "| %.1f | %d | %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n",
                    c.share(), c.forks(), c.iterations(), 100 * c.mean(), 100 * c.pooledMean(), 100 * c.ratio(),
                    100 * c.pooledRatio()));
        }
        md.append("\n| between-fork share | forks A / B | CV of B / CV of A | ratio: fork-level | ratio: pooled |\n")
                .append("|--:|--:|--:|--:|--:|\n");
        for (Coverage c : uneven) {
            md.append(String.format(Locale.ROOT, "| %.1f | %d / %d | %.0f | %.1f%% | %.1f%% |%n", c.share(),
                    c.forks(), c.otherForks(), c.noise(), 100 * c.ratio(), 100 * c.pooledRatio()));
        }
        Path out = Path.of("target", "coverage-table.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }
}
