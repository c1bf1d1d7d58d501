package forkbench.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory per worker, as measured on a machine (by the memory package's MemoryMeasurement): the resident memory
 * of each child JVM after a job, and what one more platform or virtual thread adds to a parent JVM. Written beside a
 * run's JSON as {@code NAME.memory.json}, and shown by the report next to the times. Plain data.
 *
 * @param childRssKiB        resident memory of one child JVM after a small job, median over the children
 * @param childRssKiBMin     the smallest child's
 * @param childRssKiBMax     the largest child's
 * @param children           how many children were measured
 * @param platformThreadKiB  resident memory one more parked platform thread adds to a JVM
 * @param virtualThreadKiB   the same for a virtual thread
 * @param threads            how many threads of each kind the thread figures were averaged over
 * @param parentBaseKiB      resident memory of a JVM holding no extra threads, for scale
 */
public record MemoryFootprint(long childRssKiB, long childRssKiBMin, long childRssKiBMax, int children,
                              double platformThreadKiB, double virtualThreadKiB, int threads, long parentBaseKiB) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Where the footprint of a JMH JSON file lives: beside it, {@code NAME.memory.json} for {@code NAME.json}. */
    public static Path fileFor(Path resultFile) {
        return Beside.resultFile(resultFile, "memory");
    }

    /** The footprint recorded beside a JMH JSON file, or {@code null} when none was. */
    public static MemoryFootprint readFor(Path resultFile) throws IOException {
        Path file = fileFor(resultFile);
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), MemoryFootprint.class) : null;
    }

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this) + "\n";
    }
}
