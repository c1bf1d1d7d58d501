package forkbench.report.model;

import forkbench.profile.EveryJvmProfiler;
import forkbench.report.input.Measurement;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What every JVM of a configuration allocated and collected per operation, the benchmark's own and its children's
 * added up (forkbench's profiler, {@code -prof forkbench.profile.EveryJvmProfiler}): the mean over forks of each
 * fork's mean. Present only where the run measured it.
 *
 * @param bytesPerOp         heap bytes allocated per operation, all JVMs
 * @param childBytesPerOp    of which by child JVMs
 * @param collectionsPerOp   garbage collections per operation, all JVMs
 * @param gcMillisPerOp      their time per operation, all JVMs
 * @param gcSharePercent     that time over the wall time, in percent (above 100 when several JVMs collect at once)
 * @param forks              how many forks measured it
 * @param residentBytes      the resident memory of all its JVMs at once, where the run measured it (runs before
 *                           the profiler reported it have none)
 */
public record JvmUsage(double bytesPerOp, double childBytesPerOp, double collectionsPerOp, double gcMillisPerOp,
                       double gcSharePercent, int forks, Optional<Double> residentBytes) {

    static final String BYTES = EveryJvmProfiler.ALLOCATED;
    static final String CHILD_BYTES = EveryJvmProfiler.CHILDREN_ALLOCATED;
    static final String COLLECTIONS = EveryJvmProfiler.COLLECTIONS;
    static final String GC_MILLIS = EveryJvmProfiler.GC_TIME;
    static final String GC_SHARE = EveryJvmProfiler.GC_SHARE;
    static final String RESIDENT = EveryJvmProfiler.RESIDENT;

    /** The usage of one configuration's measurements, when every one of them carries all five figures. */
    static Optional<JvmUsage> of(List<Measurement> measurements) {
        for (Measurement m : measurements) {
            for (String name : List.of(BYTES, CHILD_BYTES, COLLECTIONS, GC_MILLIS, GC_SHARE)) {
                if (!m.secondary().containsKey(name)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new JvmUsage(mean(measurements, BYTES), mean(measurements, CHILD_BYTES),
                mean(measurements, COLLECTIONS), mean(measurements, GC_MILLIS), mean(measurements, GC_SHARE),
                measurements.stream().mapToInt(m -> m.secondary().get(BYTES).length).sum(),
                measurements.stream().allMatch(m -> m.secondary().containsKey(RESIDENT))
                        ? Optional.of(mean(measurements, RESIDENT)) : Optional.empty()));
    }

    private static double mean(List<Measurement> measurements, String name) {
        return measurements.stream().flatMapToDouble(m -> Arrays.stream(m.secondary().get(name))).average()
                .orElse(Double.NaN);
    }
}
