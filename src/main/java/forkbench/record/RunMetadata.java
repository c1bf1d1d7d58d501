package forkbench.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What JMH's JSON leaves out about the machine a run was made on, recorded beside it (see {@link #fileFor}):
 * enough to tell whether two runs are comparable and whether one was disturbed.
 *
 * @param cpuQuota the cgroup CPU limit in cores ({@code null}: none set, or not on Linux)
 * @param loadBefore the 1-minute load average when the run started ({@code null} where the OS has none)
 * @param loadAfter  the same when it ended
 * @param interleaving how an interleaved run ordered its configurations ({@code null}: JMH's own order)
 * @param precision    what a run with a precision target reached ({@code null}: none was set)
 * @param arguments    the command line the run was started with, so that {@code --resume} can continue it
 * @param classPath    the class path it ran with: a resumed run needs the same (a user's kernel jar, say)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunMetadata(String hostname, String cpuModel, int logicalCores, Double cpuQuota, String os,
                          String jdk, String jvm, List<String> jvmFlags, String startedAt, String endedAt,
                          Double loadBefore, Double loadAfter, Interleaving interleaving, Precision precision,
                          List<String> arguments,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> classPath) {

    /** The environment variable that names this machine in run metadata and reports. */
    public static final String HOST_VARIABLE = "FORKBENCH_HOST";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RunMetadata {
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        classPath = classPath == null ? List.of() : List.copyOf(classPath);
    }

    /** This machine, now; the end time and load are filled in by {@link #finished()}. */
    public static RunMetadata capture() {
        return new RunMetadata(readHostname(), readCpuModel(), Runtime.getRuntime().availableProcessors(),
                readCpuQuota(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("java.home"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Instant.now().toString(), null, load(), null, null, null, List.of(),
                java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .filter(entry -> !entry.isEmpty()).map(entry -> Path.of(entry).toAbsolutePath().toString())
                        .toList());
    }

    public RunMetadata finished() {
        return new RunMetadata(hostname, cpuModel, logicalCores, cpuQuota, os, jdk, jvm, jvmFlags, startedAt,
                Instant.now().toString(), loadBefore, load(), interleaving, precision, arguments, classPath);
    }

    public RunMetadata withInterleaving(Interleaving order) {
        return new RunMetadata(hostname, cpuModel, logicalCores, cpuQuota, os, jdk, jvm, jvmFlags, startedAt,
                endedAt, loadBefore, loadAfter, order, precision, arguments, classPath);
    }

    public RunMetadata withPrecision(Precision reached) {
        return new RunMetadata(hostname, cpuModel, logicalCores, cpuQuota, os, jdk, jvm, jvmFlags, startedAt,
                endedAt, loadBefore, loadAfter, interleaving, reached, arguments, classPath);
    }

    public RunMetadata withArguments(List<String> commandLine) {
        return new RunMetadata(hostname, cpuModel, logicalCores, cpuQuota, os, jdk, jvm, jvmFlags, startedAt,
                endedAt, loadBefore, loadAfter, interleaving, precision, commandLine, classPath);
    }

    /** How the measurements were ordered: JMH's own order, or interleaved rounds and the seed that repeats them. */
    public String order() {
        return interleaving == null ? "JMH's own"
                : "interleaved: " + interleaving.rounds() + " rounds, seed " + interleaving.seed();
    }

    /**
     * What differs between the machine this run was made on and {@code other}'s — host, cores, CPU quota, JDK —
     * as a phrase ("made on vm (2 cores, JDK X); this is ci (4 cores, JDK X)"), or {@code null} when nothing does.
     */
    public String sameMachineAs(RunMetadata other) {
        if (hostname.equals(other.hostname) && logicalCores == other.logicalCores
                && java.util.Objects.equals(cpuQuota, other.cpuQuota) && jdk.equals(other.jdk)) {
            return null;
        }
        return "made on " + describeMachine() + "; this is " + other.describeMachine();
    }

    /** Host, cores (and quota) and JDK, as a reader tells machines apart. */
    public String describeMachine() {
        return hostname + " (" + logicalCores + (logicalCores == 1 ? " core" : " cores")
                + (cpuQuota == null ? "" : ", a quota of " + cpuQuota) + ", JDK " + jdk + ")";
    }

    /** The cores the run could really use: the cgroup quota where it is lower than the logical core count. */
    public double usableCores() {
        return cpuQuota != null && cpuQuota < logicalCores ? cpuQuota : logicalCores;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write run metadata as JSON", e);
        }
    }

    /** Where the metadata of a JMH JSON file lives: beside it, {@code NAME.metadata.json} for {@code NAME.json}. */
    public static Path fileFor(Path resultFile) {
        return Beside.resultFile(resultFile, "metadata");
    }

    /** The metadata recorded beside a JMH JSON file, or {@code null} when none was. */
    public static RunMetadata readFor(Path resultFile) throws IOException {
        Path file = fileFor(resultFile);
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), RunMetadata.class) : null;
    }

    /**
     * The machine's name: {@code FORKBENCH_HOST} where it is set (a CI runner's own hostname says nothing, and it
     * names the machine in every report), else the system's hostname.
     */
    private static String readHostname() {
        String named = System.getenv(HOST_VARIABLE);
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        for (Path source : List.of(Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname"))) {
            String name = firstLine(source);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        String fromEnvironment = System.getenv("HOSTNAME");
        return fromEnvironment != null ? fromEnvironment : "unknown";
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        return System.getProperty("os.arch");
    }

    /** cgroup v2 {@code cpu.max} ("max 100000" or "150000 100000"), then cgroup v1's quota and period. */
    private static Double readCpuQuota() {
        String v2 = firstLine(Path.of("/sys/fs/cgroup/cpu.max"));
        if (v2 != null) {
            String[] parts = v2.strip().split("\\s+");
            if (parts.length == 2 && !parts[0].equals("max")) {
                return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
            }
            return null;
        }
        String quota = firstLine(Path.of("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"));
        String period = firstLine(Path.of("/sys/fs/cgroup/cpu/cpu.cfs_period_us"));
        if (quota != null && period != null && !quota.strip().equals("-1")) {
            return Double.parseDouble(quota.strip()) / Double.parseDouble(period.strip());
        }
        return null;
    }

    private static Double load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? null : Double.valueOf(String.format(Locale.ROOT, "%.2f", load));
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? null : lines.get(0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
