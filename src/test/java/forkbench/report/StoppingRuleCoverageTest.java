package forkbench.report;

import forkbench.report.model.Report;
import forkbench.statistics.Ratio;
import forkbench.statistics.Sample;
import forkbench.statistics.TwoStage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stopping rule simulated as a run applies it (see {@link TwoStage}): a pilot of every configuration, the
 * pilot's look and plan, the fresh forks the plan asks for (at most the most rounds allow, fewer when the time
 * budget cuts them), then the judgement on the forks after the pilot against the pilot's fastest — the same calls
 * {@code Status} and the report make (a report's reference is the same pilot's fastest). One job of eight configurations: two identical (100), then 101, 102, 104, 110,
 * 130 and 300, normal fork means with the same CV. In every setting the intervals must cover 93-97% of the time,
 * and no comparison may be decided the wrong way (shown slower when it is not, faster when it is not, or equivalent
 * when it lies outside the margin) more than 2.5% of the time, plus two Monte Carlo standard errors. The table is
 * docs/statistics.md's.
 */
class StoppingRuleCoverageTest {

    private static final int RUNS = 3_000;
    private static final double MARGIN = 0.02;
    private static final double[] TRUTH = {100, 100, 101, 102, 104, 110, 130, 300};

    /**
     * @param budget second-stage forks the time budget leaves each configuration ({@code Integer.MAX_VALUE}: the
     *               plan's own)
     */
    private record Setting(double cv, int pilot, int maxForks, int budget, Double precision) {
    }

    private record Outcome(Setting setting, double timeCoverage, double ratioCoverage, double worstWrongWay,
                           double decided, double forksPerConfiguration) {
    }

    @Test
    void theTwoStageRuleCoversAtItsNominalRateAndRarelyDecidesTheWrongWay() throws IOException {
        List<Setting> settings = new ArrayList<>();
        for (double cv : new double[] {0.01, 0.02, 0.05}) {
            for (int pilot : new int[] {2, 3, 5}) {
                for (int maxForks : new int[] {10, 40}) {
                    settings.add(new Setting(cv, pilot, maxForks, Integer.MAX_VALUE, null));
                }
            }
            settings.add(new Setting(cv, 2, 40, 3, null));
            settings.add(new Setting(cv, 5, 40, Integer.MAX_VALUE, 0.02));
        }
        List<Outcome> outcomes = settings.stream().parallel().map(StoppingRuleCoverageTest::simulate).toList();
        write(outcomes);
        double allowance = 2 * Math.sqrt(0.025 * 0.975 / RUNS);
        for (Outcome o : outcomes) {
            assertTrue(o.timeCoverage() >= 0.93 && o.timeCoverage() <= 0.97, "time, " + o);
            assertTrue(o.ratioCoverage() >= 0.93 && o.ratioCoverage() <= 0.97, "ratio, " + o);
            assertTrue(o.worstWrongWay() <= 0.025 + allowance, "wrong way, " + o);
        }
        // The rule is worth having: with forks 1% apart nearly everything is decided.
        assertTrue(outcomes.get(1).decided() > 0.8, outcomes.get(1).toString());
    }

    private static Outcome simulate(Setting setting) {
        SplittableRandom random = new SplittableRandom(Double.hashCode(setting.cv()) * 31L + setting.pilot() * 7L
                + setting.maxForks() * 1013L + setting.budget() + (setting.precision() == null ? 0 : 17));
        TwoStage.Goal goal = new TwoStage.Goal(MARGIN, Optional.ofNullable(setting.precision()), true,
                setting.maxForks());
        int k = TRUTH.length;
        long timeCovered = 0;
        long times = 0;
        long ratioCovered = 0;
        long ratios = 0;
        long decided = 0;
        long forks = 0;
        long[][] wrong = new long[k][k];
        for (int run = 0; run < RUNS; run++) {
            Map<Integer, TwoStage.Pilot> pilots = new LinkedHashMap<>();
            double[][] pilotForks = new double[k][];
            for (int c = 0; c < k; c++) {
                pilotForks[c] = forks(random, TRUTH[c], setting.cv(), setting.pilot());
                pilots.put(c, new TwoStage.Pilot("job", c, pilotForks[c]));
            }
            Map<Integer, TwoStage.Planned> plan = TwoStage.plan(pilots, goal);
            Map<Integer, Sample> judged = new LinkedHashMap<>();
            for (int c = 0; c < k; c++) {
                int fresh = Math.min(plan.get(c).forks(), setting.budget());
                double[] all = concat(pilotForks[c], forks(random, TRUTH[c], setting.cv(), fresh));
                TwoStage.Forks kept = TwoStage.judged(all.length, setting.pilot());
                judged.put(c, Sample.of(Arrays.copyOfRange(all, kept.from(), kept.to())));
                forks += all.length;
            }
            int reference = TwoStage.references(pilots).get("job");
            for (int c = 0; c < k; c++) {
                Sample time = judged.get(c);
                times++;
                timeCovered += Math.abs(time.mean() - TRUTH[c]) <= time.halfWidth(TwoStage.CONFIDENCE) ? 1 : 0;
                if (c == reference) {
                    continue;
                }
                Ratio ratio = Ratio.of(time, judged.get(reference), TwoStage.CONFIDENCE);
                double truth = TRUTH[c] / TRUTH[reference];
                ratios++;
                ratioCovered += ratio.interval().map(i -> i.contains(truth)).orElse(false) ? 1 : 0;
                Report.Decision decision = Report.Decision.of(ratio, MARGIN, true);
                decided += decision.decided() ? 1 : 0;
                boolean wrongWay = switch (decision) {
                    case SLOWER -> truth <= 1;
                    case FASTER -> truth >= 1;
                    case EQUIVALENT -> truth > 1 + MARGIN || truth < 1 / (1 + MARGIN);
                    default -> false;
                };
                wrong[c][reference] += wrongWay ? 1 : 0;
            }
        }
        long worst = Arrays.stream(wrong).flatMapToLong(Arrays::stream).max().orElse(0);
        return new Outcome(setting, (double) timeCovered / times, (double) ratioCovered / ratios,
                (double) worst / RUNS, (double) decided / ratios, (double) forks / RUNS / k);
    }

    private static double[] forks(SplittableRandom random, double truth, double cv, int n) {
        double[] forks = new double[n];
        for (int i = 0; i < n; i++) {
            forks[i] = truth * (1 + cv * random.nextGaussian());
        }
        return forks;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void write(List<Outcome> outcomes) throws IOException {
        StringBuilder md = new StringBuilder("| fork CV | pilot forks | most fresh forks | budget | precision "
                + "| time: coverage | ratio: coverage | worst wrong-way rate | comparisons decided "
                + "| forks per configuration |\n|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Outcome o : outcomes) {
            Setting s = o.setting();
            md.append(String.format(Locale.ROOT, "| %.0f%% | %d | %d | %s | %s | %.1f%% | %.1f%% | %.2f%% | %.0f%% "
                            + "| %.1f |%n", 100 * s.cv(), s.pilot(), s.maxForks(),
                    s.budget() == Integer.MAX_VALUE ? "none" : s.budget() + " fresh forks",
                    s.precision() == null ? "-" : "±" + Math.round(100 * s.precision()) + "%",
                    100 * o.timeCoverage(), 100 * o.ratioCoverage(), 100 * o.worstWrongWay(), 100 * o.decided(),
                    o.forksPerConfiguration()));
        }
        Path out = Path.of("target", "stopping-rule-coverage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }
}
