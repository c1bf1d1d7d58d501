package forkbench.interleave;

import forkbench.configuration.ConfigurationKey;
import forkbench.report.input.InputException;
import forkbench.report.input.JmhResults;
import forkbench.report.input.Measurement;
import forkbench.report.model.Replicates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one configuration stands after a round: its forks, its mean, and its fork-level 95% half-width, in percent
 * of the mean (NaN with one fork).
 */
record Status(Configuration configuration, Replicates replicates, double halfWidthPercent, boolean converged) {

    static final double CONFIDENCE = 0.95;

    public int forks() {
        return replicates.forks();
    }

    /** Every configuration of {@code document}, judged against {@code target}. */
    public static Map<Configuration, Status> of(ResultDocument document, Target target) throws InputException {
        Path source = Path.of("interleaved-run");
        List<Measurement> measurements = JmhResults.parse(document.toJson(), source, ConfigurationKey.WORKERS, "this machine");
        List<Configuration> order = new ArrayList<>(document.forks().keySet());
        Map<Configuration, List<Measurement>> byConfiguration = new LinkedHashMap<>();
        // JmhResults keeps the document's order, one measurement per result.
        List<Configuration> perResult = document.configurationsInOrder();
        for (int i = 0; i < measurements.size(); i++) {
            byConfiguration.computeIfAbsent(perResult.get(i), c -> new ArrayList<>()).add(measurements.get(i));
        }
        Map<Configuration, Status> statuses = new LinkedHashMap<>();
        for (Configuration configuration : order) {
            Replicates replicates = Replicates.of(byConfiguration.get(configuration));
            double half = 100 * replicates.halfWidth(CONFIDENCE) / replicates.mean();
            boolean converged = target.adaptive() && replicates.forks() >= target.minRounds()
                    && half <= target.percent();
            statuses.put(configuration, new Status(configuration, replicates, half, converged));
        }
        return statuses;
    }
}
