package forkbench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import forkbench.record.RunMetadata;
import forkbench.report.export.CsvWriter;
import forkbench.report.export.HtmlWriter;
import forkbench.report.export.MarkdownWriter;
import forkbench.report.markup.Document;
import forkbench.workload.Fault;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The blast radius of every strategy under every fault: each strategy × fault (and without one, the baseline) runs
 * as a trial in a JVM of its own, {@code forks} times, the trials of each round in a shuffled order, so a JVM that
 * a fault kills is a finding and not the end of the run. The front of this package: settings in, files out.
 */
public final class FaultRun {

    /** Every file a fault run writes, at the top of its folder. */
    public static final List<String> OUTPUT_NAMES = List.of("trials.json", "trials.metadata.json", "report.json",
            "report.md", "report.html", "headline.md", "csv");

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to run.
     *
     * @param strategies ids of the strategies to put through the faults
     * @param faults     the faults, each in one part of every {@code every}-th job
     * @param retry      whether processPool retries a dead child's part once (else it fails the job)
     */
    public record Settings(List<String> strategies, List<Fault> faults, int workers, String kernel, long n,
                           int jobs, int every, int forks, long timeoutMillis, String heap, boolean retry, long seed) {

        public Settings {
            strategies = List.copyOf(strategies);
            faults = List.copyOf(faults);
        }

        private TrialSpec spec(String strategy, Optional<Fault> fault) {
            return new TrialSpec(strategy, workers, kernel, n, fault, every, seed, jobs, timeoutMillis, heap, retry);
        }

        /** How many trials one round runs: each strategy once without a fault and once under each. */
        public int trialsPerRound() {
            return strategies.size() * (faults.size() + 1);
        }
    }

    /** What a run made: its files by name, and the section as Markdown to print. */
    public record Outputs(Map<String, String> files, String markdown) {
    }

    private FaultRun() {
    }

    public static Outputs measure(Settings settings, PrintStream progress) throws IOException, InterruptedException {
        RunMetadata machine = RunMetadata.capture();
        TrialRunner runner = new TrialRunner(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"));
        List<TrialSpec> specs = new ArrayList<>();
        for (String strategy : settings.strategies()) {
            specs.add(settings.spec(strategy, Optional.empty()));
            settings.faults().forEach(fault -> specs.add(settings.spec(strategy, Optional.of(fault))));
        }
        List<TrialResult> trials = new ArrayList<>();
        Random order = new Random(settings.seed());
        for (int round = 1; round <= settings.forks(); round++) {
            List<TrialSpec> shuffled = new ArrayList<>(specs);
            Collections.shuffle(shuffled, order);
            for (int i = 0; i < shuffled.size(); i++) {
                TrialSpec spec = shuffled.get(i);
                long start = System.nanoTime();
                TrialResult trial = runner.run(spec, round);
                trials.add(trial);
                progress.printf(Locale.ROOT, "forkbench faults: round %d/%d, trial %d/%d: %s × %s: %s, %d correct, "
                                + "%d failed, %d wrong, %d lost (%.1f s)%n", round, settings.forks(), i + 1,
                        shuffled.size(), spec.strategy(), spec.faultId(), trial.ending().name().toLowerCase(Locale.ROOT),
                        trial.count(Outcome.CORRECT), trial.count(Outcome.FAILED), trial.count(Outcome.WRONG),
                        trial.count(Outcome.LOST), (System.nanoTime() - start) / 1e9);
            }
        }
        return render(trials, settings, machine.finished());
    }

    /** The outputs of an earlier run, made again from the trials and metadata it recorded in {@code folder}. */
    public static Outputs again(Path folder) throws IOException {
        Recorded recorded = JSON.readValue(folder.resolve("trials.json").toFile(), Recorded.class);
        RunMetadata machine = RunMetadata.readFor(folder.resolve("trials.json"));
        if (machine == null) {
            throw new IOException(folder + " holds no trials.metadata.json: the machine the trials ran on is unknown");
        }
        return render(recorded.trials(), recorded.settings(), machine);
    }

    /** trials.json: what a run was asked and every trial it made. */
    private record Recorded(Settings settings, List<TrialResult> trials) {
    }

    private static Outputs render(List<TrialResult> trials, Settings settings, RunMetadata machine)
            throws IOException {
        BlastRadius radius = BlastRadius.of(trials, settings.strategies(), 0.95);
        Document document = BlastRadiusView.of(radius, settings.spec(settings.strategies().get(0), Optional.empty()),
                settings.forks(), machine);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("trials.json", JSON.writeValueAsString(new Recorded(settings, trials)) + "\n");
        files.put("trials.metadata.json", machine.toJson());
        files.put("report.json", JSON.writeValueAsString(radius) + "\n");
        String markdown = MarkdownWriter.write(document);
        files.put("report.md", markdown);
        files.put("report.html", HtmlWriter.write(document, Map.of()));
        files.put("headline.md", BlastRadiusView.headline(radius, settings.forks(), machine));
        CsvWriter.write(document).forEach((name, csv) -> files.put("csv/" + name, csv));
        return new Outputs(files, markdown);
    }
}
