package forkbench.process;

import forkbench.workload.Kernels;
import forkbench.workload.Workers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a child JVM, and what a pool does when one dies: a plain value, with no side effects. The defaults reuse the running JVM's
 * {@code java.home} and class path, so a child runs the same code on the same JDK as its parent; change any of them
 * with {@link #toBuilder()}. The start-up archive is made or found by {@link ChildProcess#prepare}, an explicit
 * step; until then children start without it.
 *
 * @param javaExecutable  the {@code java} launcher, started directly, never through a shell
 * @param classPath       the child's class path
 * @param mainClass       the child's entry point, {@link ChildMain} unless a test or a custom worker says otherwise
 * @param mainArgs        arguments after the main class
 * @param jvmArgs         JVM flags placed before the class path
 * @param timeout         how long one result may take before the child is destroyed; {@link Duration#ZERO} for none
 * @param maxChildren     the most children one {@link Children#forkAll} call may start
 * @param startupArchive  what children map to start faster (see {@link StartupArchive})
 * @param environment     variables set for the child on top of the parent's environment
 * @param trainingKernels the kernels a training child runs one job of each, so the archive holds their classes
 * @param retry           what a {@link ChildPool} does with the part of a child that died
 * @param maxConsecutiveDeaths how many children in a row may die, with no part completing between them, before a
 *                        {@link ChildPool} stops instead of forking more
 */
public record ForkOptions(Path javaExecutable, String classPath, String mainClass, List<String> mainArgs,
                          List<String> jvmArgs, Duration timeout, int maxChildren, StartupArchive startupArchive,
                          Map<String, String> environment, List<String> trainingKernels, RetryPolicy retry,
                          int maxConsecutiveDeaths) {

    /**
     * The system property that sets how many elements a child computes per call of its kernel (0: a part in one
     * call, as the seed's worker does): for experiments on a cold child's steps.
     */
    public static final String CHUNK_PROPERTY = "forkbench.child.chunk";

    /** Enough for each of a few workers to die and have its retry die too, well short of a loop. */
    public static final int DEFAULT_MAX_CONSECUTIVE_DEATHS = 5;

    /**
     * Flags for a short-lived CPU-bound worker: the serial collector starts faster than G1 and a summing loop makes
     * no garbage; without perf data the JVM skips creating its hsperfdata file. Nothing here slows the loop itself.
     * C2 alone ({@code -XX:-TieredCompilation}) was tried for cold children and measured no better
     * (results/2026-11-28-cold-children), so tiered compilation stays.
     */
    public static final List<String> WORKER_JVM_ARGS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData");

    /**
     * The JVM's own warnings go to stdout by default, and stdout is the channel: send them to stderr instead. Text
     * that other options still print on stdout is skipped by the parent between frames (see {@link Frames}).
     */
    private static final List<String> LOGGING_TO_STDERR = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

    public ForkOptions {
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(mainClass, "mainClass");
        mainArgs = List.copyOf(mainArgs);
        jvmArgs = List.copyOf(jvmArgs);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        Objects.requireNonNull(startupArchive, "startupArchive");
        environment = Map.copyOf(environment);
        trainingKernels = List.copyOf(trainingKernels);
        if (maxChildren < 1) {
            throw new IllegalArgumentException("maxChildren must be >= 1, got " + maxChildren);
        }
        Objects.requireNonNull(retry, "retry");
        if (maxConsecutiveDeaths < 1) {
            throw new IllegalArgumentException("maxConsecutiveDeaths must be >= 1, got " + maxConsecutiveDeaths);
        }
    }

    public static ForkOptions defaults() {
        return builder().build();
    }

    /** The defaults, to change: {@code ForkOptions.builder().timeout(Duration.ofMinutes(1)).build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** These options, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The command line, as an argument vector: no shell ever parses it. It maps the start-up archive only when
     * {@link ChildProcess#prepare} has made or found it; reading these options never forks or writes anything.
     */
    List<String> command() {
        List<String> base = baseCommand();
        List<String> flags = StartupArchiveCache.preparedFlags(archiveKind(), base, trainingKernels);
        if (flags.isEmpty()) {
            return base;
        }
        List<String> command = new ArrayList<>(base);
        command.addAll(1, flags);
        return command;
    }

    /** Makes or finds the start-up archive for these options: what {@link ChildProcess#prepare} does. */
    void prepareArchive() {
        StartupArchive kind = archiveKind();
        if (kind != StartupArchive.NONE) {
            StartupArchiveCache.prepare(kind, baseCommand(), classPath, trainingKernels);
        }
    }

    private StartupArchive archiveKind() {
        String skip = System.getenv(StartupArchiveCache.NO_ARCHIVE_VARIABLE);
        if (skip != null && !skip.isEmpty()) {
            return StartupArchive.NONE;
        }
        return startupArchive.available(javaExecutable.equals(runningJava()));
    }

    private static Path runningJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The command without the archive: what trains the archive, and what the archive is keyed by. */
    List<String> baseCommand() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(LOGGING_TO_STDERR);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(mainArgs);
        return command;
    }

    /** Collects changes to a set of options; {@link #build} checks them. */
    public static final class Builder {
        private Path javaExecutable = runningJava();
        private String classPath = System.getProperty("java.class.path");
        private String mainClass = ChildMain.class.getName();
        private List<String> mainArgs = List.of();
        private List<String> jvmArgs = WORKER_JVM_ARGS;
        private Duration timeout = Duration.ZERO;
        private int maxChildren = Workers.MAX;
        private StartupArchive startupArchive = StartupArchive.best();
        private Map<String, String> environment = Map.of();
        private List<String> trainingKernels = Kernels.BUILT_IN;
        private RetryPolicy retry = RetryPolicy.RETRY_ONCE;
        private int maxConsecutiveDeaths = DEFAULT_MAX_CONSECUTIVE_DEATHS;

        private Builder() {
        }

        private Builder(ForkOptions options) {
            javaExecutable = options.javaExecutable;
            classPath = options.classPath;
            mainClass = options.mainClass;
            mainArgs = options.mainArgs;
            jvmArgs = options.jvmArgs;
            timeout = options.timeout;
            maxChildren = options.maxChildren;
            startupArchive = options.startupArchive;
            environment = options.environment;
            trainingKernels = options.trainingKernels;
            retry = options.retry;
            maxConsecutiveDeaths = options.maxConsecutiveDeaths;
        }

        public Builder javaExecutable(Path java) {
            javaExecutable = java;
            return this;
        }

        public Builder classPath(String path) {
            classPath = path;
            return this;
        }

        public Builder main(String className, String... args) {
            mainClass = className;
            mainArgs = List.of(args);
            return this;
        }

        public Builder jvmArgs(List<String> flags) {
            jvmArgs = flags;
            return this;
        }

        public Builder timeout(Duration limit) {
            timeout = limit;
            return this;
        }

        public Builder maxChildren(int most) {
            maxChildren = most;
            return this;
        }

        public Builder startupArchive(StartupArchive archive) {
            startupArchive = archive;
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment = variables;
            return this;
        }

        /** The kernels (by wire name) the archive's training child runs: the built-ins, plus a user's own. */
        public Builder trainingKernels(List<String> kernels) {
            trainingKernels = kernels;
            return this;
        }

        /** What a {@link ChildPool} does with a dead child's part: {@link RetryPolicy#RETRY_ONCE} by default. */
        public Builder retry(RetryPolicy policy) {
            retry = policy;
            return this;
        }

        /** How many children in a row may die before a {@link ChildPool} stops; 5 by default. */
        public Builder maxConsecutiveDeaths(int most) {
            maxConsecutiveDeaths = most;
            return this;
        }

        public ForkOptions build() {
            return new ForkOptions(javaExecutable, classPath, mainClass, mainArgs, jvmArgs, timeout, maxChildren,
                    startupArchive, environment, trainingKernels, retry, maxConsecutiveDeaths);
        }
    }
}
