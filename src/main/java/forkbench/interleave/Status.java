package forkbench.interleave;

import forkbench.configuration.ConfigurationKey;
import forkbench.report.input.InputException;
import forkbench.report.input.JmhResults;
import forkbench.report.input.Measurement;
import forkbench.report.model.Replicates;
import forkbench.report.model.Report;
import forkbench.statistics.Ratio;
import forkbench.statistics.TwoStage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one configuration stands: the forks it is judged on (after the pilot, in a two-stage run), its fork-level
 * 95% half-width in percent of the mean (NaN with one fork), and what they say against its job's fastest.
 *
 * @param forks     every fork it has, the pilot's included
 * @param decision  against its job's reference ({@link Report.Decision#FASTEST} for the reference itself)
 * @param against   the reference's label, or {@code null} for the reference
 * @param ratio     its time over the reference's, {@code null} for the reference
 */
record Status(Configuration configuration, int forks, Replicates replicates, double halfWidthPercent,
              Report.Decision decision, String against, Ratio ratio) {

    static final double CONFIDENCE = TwoStage.CONFIDENCE;

    /** Whether it reached {@code percent} (a half-width in percent of the mean). */
    boolean reached(double percent) {
        return halfWidthPercent <= percent;
    }

    /**
     * Every configuration of {@code document}, in its order.
     *
     * @param pilot  the pilot's forks per configuration, or 0 to judge every fork (a run without a pilot)
     * @param margin the equivalence margin
     */
    static Map<Configuration, Status> of(ResultDocument document, int pilot, double margin) throws InputException {
        Map<Configuration, List<Measurement>> byConfiguration = measurements(document);
        Map<Configuration, Replicates> judged = new LinkedHashMap<>();
        Map<Configuration, Integer> forks = new LinkedHashMap<>();
        Map<Configuration, TwoStage.Pilot> pilots = new LinkedHashMap<>();
        byConfiguration.forEach((configuration, measurements) -> {
            Replicates all = Replicates.of(measurements);
            forks.put(configuration, all.forks());
            if (pilot == 0) {
                judged.put(configuration, all);
                pilots.put(configuration, new TwoStage.Pilot(configuration.job(), configuration.benchmark(),
                        all.forkMeans()));
                return;
            }
            TwoStage.Forks kept = TwoStage.judged(all.forks(), pilot);
            judged.put(configuration, Replicates.of(measurements.stream()
                    .map(m -> m.forkRange(kept.from(), kept.to())).toList()));
            double[] pilotMeans = java.util.Arrays.copyOf(all.forkMeans(), Math.min(pilot, all.forks()));
            pilots.put(configuration, new TwoStage.Pilot(configuration.job(), configuration.benchmark(), pilotMeans));
        });
        Map<Object, Configuration> references = TwoStage.references(pilots);
        Map<Configuration, Status> statuses = new LinkedHashMap<>();
        judged.forEach((configuration, replicates) -> {
            double half = 100 * replicates.halfWidth(CONFIDENCE) / replicates.mean();
            Configuration reference = references.get(configuration.job());
            if (reference.equals(configuration)) {
                statuses.put(configuration, new Status(configuration, forks.get(configuration), replicates, half,
                        Report.Decision.FASTEST, null, null));
                return;
            }
            Replicates best = judged.get(reference);
            Ratio ratio = Ratio.of(replicates.sample(), best.sample(), CONFIDENCE);
            statuses.put(configuration, new Status(configuration, forks.get(configuration), replicates, half,
                    Report.Decision.of(ratio, margin, replicates.forks() >= 2 && best.forks() >= 2),
                    reference.label(), ratio));
        });
        return statuses;
    }

    /** Each configuration's first {@code pilot} forks: what the plan is made from. */
    static Map<Configuration, Replicates> pilot(ResultDocument document, int pilot) throws InputException {
        Map<Configuration, Replicates> pilots = new LinkedHashMap<>();
        measurements(document).forEach((configuration, measurements) -> pilots.put(configuration,
                Replicates.of(measurements.stream().map(m -> m.forkRange(0, Math.min(pilot, m.forks().length)))
                        .toList())));
        return pilots;
    }

    /** Each configuration's measurements (one per result, a configuration may have one per mode). */
    private static Map<Configuration, List<Measurement>> measurements(ResultDocument document) throws InputException {
        List<Measurement> measurements = JmhResults.parse(document.toJson(), Path.of("interleaved-run"),
                ConfigurationKey.WORKERS, "this machine");
        // JmhResults keeps the document's order, one measurement per result.
        List<Configuration> perResult = document.configurationsInOrder();
        Map<Configuration, List<Measurement>> byConfiguration = new LinkedHashMap<>();
        for (int i = 0; i < measurements.size(); i++) {
            byConfiguration.computeIfAbsent(perResult.get(i), c -> new ArrayList<>()).add(measurements.get(i));
        }
        return byConfiguration;
    }
}
