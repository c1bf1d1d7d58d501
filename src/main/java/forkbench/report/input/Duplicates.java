package forkbench.report.input;

import forkbench.configuration.ConfigurationKey;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses measurements of one configuration that arrive more than once (the same file given twice, a file that
 * lists a result twice, two runs of the same benchmarks): pooled silently, they would narrow every interval as if
 * there were more data than was measured. Merging them is a decision the user makes ({@code --merge}).
 */
public final class Duplicates {

    private Duplicates() {
    }

    /** Whether two names are one file, by their real paths. */
    public static boolean sameFile(Path a, Path b) {
        return real(a).equals(real(b));
    }

    /** Fails on the first file named twice, by its real path. */
    public static void refuseRepeatedFiles(List<Path> files) throws InputException {
        Map<Path, Path> seen = new HashMap<>();
        for (Path file : files) {
            Path key = real(file);
            Path earlier = seen.putIfAbsent(key, file);
            if (earlier != null) {
                throw new InputException(file, "given twice (as " + earlier + " and " + file
                        + "): its samples would count double");
            }
        }
    }

    /**
     * Fails on the first configuration measured more than once: the same host, parameters, worker count and label
     * (the method name, which is what the report groups by, so two classes with one method name collide too).
     */
    public static void refuse(List<Measurement> measurements) throws InputException {
        Map<ConfigurationKey, Measurement> seen = new HashMap<>();
        for (Measurement m : measurements) {
            Measurement earlier = seen.putIfAbsent(m.configuration(), m);
            if (earlier != null) {
                String where = earlier.source().equals(m.source()) ? "twice in this file"
                        : "also in " + earlier.source();
                throw new InputException(Path.of(m.source()), m.configuration() + " is measured "
                        + where + (earlier.mode().equals(m.mode()) ? "" : " (modes " + earlier.mode() + " and "
                        + m.mode() + ")") + (earlier.benchmark().equals(m.benchmark()) ? "" : " (as "
                        + earlier.benchmark() + " and " + m.benchmark() + ")") + "; pass --merge to pool its forks as one configuration");
            }
        }
    }

    /**
     * Fails on a configuration measured in more than one JMH mode ({@code avgt} here, {@code ss} there): a warm
     * fork's time per operation and a single cold shot are different quantities, so pooling or comparing them
     * says nothing. With {@code acrossHosts} the host is left out of what makes a configuration the same (as
     * {@code compare} matches a base run with a new one made elsewhere).
     */
    public static void refuseMixedModes(List<Measurement> measurements, boolean acrossHosts) throws InputException {
        Map<ConfigurationKey, Measurement> seen = new HashMap<>();
        for (Measurement m : measurements) {
            ConfigurationKey key = acrossHosts ? new ConfigurationKey("", m.label(), m.params(), m.workers())
                    : m.configuration();
            Measurement earlier = seen.putIfAbsent(key, m);
            if (earlier != null && !earlier.mode().equals(m.mode())) {
                throw new InputException(Path.of(m.source()), key + " is measured in mode " + m.mode() + " here and "
                        + earlier.mode() + " in " + earlier.source() + ": times from different JMH modes are not "
                        + "one quantity; report or compare runs of one mode");
            }
        }
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (java.io.IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
