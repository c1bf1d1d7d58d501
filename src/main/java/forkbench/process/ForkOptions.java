package forkbench.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a child JVM. The defaults reuse the running JVM's {@code java.home} and class path, so a child runs
 * the same code on the same JDK as its parent; every field can be replaced with a {@code with...} copy.
 *
 * @param javaExecutable the {@code java} launcher, started directly, never through a shell
 * @param classPath      the child's class path
 * @param mainClass      the child's entry point, {@link ChildMain} unless a test or a custom worker says otherwise
 * @param mainArgs       arguments after the main class
 * @param jvmArgs        JVM flags placed before the class path
 * @param timeout        how long one result may take before the child is destroyed; {@link Duration#ZERO} for none
 * @param maxChildren    the most children one {@link Children#forkAll} call may start
 * @param startupArchive what children map to start faster, made for them on first use (see {@link StartupArchive})
 * @param environment    variables set for the child on top of the parent's environment
 */
public record ForkOptions(Path javaExecutable, String classPath, String mainClass, List<String> mainArgs,
                          List<String> jvmArgs, Duration timeout, int maxChildren, StartupArchive startupArchive,
                          Map<String, String> environment) {

    /**
     * Flags for a short-lived CPU-bound worker: the serial collector starts faster than G1 and a summing loop makes
     * no garbage; without perf data the JVM skips creating its hsperfdata file. Nothing here slows the loop itself.
     */
    public static final List<String> WORKER_JVM_ARGS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData");

    /**
     * The JVM's own warnings go to stdout by default, and stdout is the channel: send them to stderr instead. Text
     * that other options still print on stdout is skipped by the parent between frames (see {@link Frames}).
     */
    private static final List<String> LOGGING_TO_STDERR = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

    /** Each child is a whole JVM (tens of MiB resident): past this many per call, it is a mistake, not a plan. */
    public static final int DEFAULT_MAX_CHILDREN = 256;

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
        if (maxChildren < 1) {
            throw new IllegalArgumentException("maxChildren must be >= 1, got " + maxChildren);
        }
    }

    public static ForkOptions defaults() {
        return new ForkOptions(runningJava(), System.getProperty("java.class.path"), ChildMain.class.getName(),
                List.of(), WORKER_JVM_ARGS, Duration.ZERO, DEFAULT_MAX_CHILDREN, StartupArchive.best(), Map.of());
    }

    public ForkOptions withTimeout(Duration newTimeout) {
        return new ForkOptions(javaExecutable, classPath, mainClass, mainArgs, jvmArgs, newTimeout, maxChildren,
                startupArchive, environment);
    }

    public ForkOptions withJvmArgs(List<String> newJvmArgs) {
        return new ForkOptions(javaExecutable, classPath, mainClass, mainArgs, newJvmArgs, timeout, maxChildren,
                startupArchive, environment);
    }

    public ForkOptions withMain(String newMainClass, String... newMainArgs) {
        return new ForkOptions(javaExecutable, classPath, newMainClass, List.of(newMainArgs), jvmArgs, timeout,
                maxChildren, startupArchive, environment);
    }

    public ForkOptions withJavaExecutable(Path newJavaExecutable) {
        return new ForkOptions(newJavaExecutable, classPath, mainClass, mainArgs, jvmArgs, timeout, maxChildren,
                startupArchive, environment);
    }

    public ForkOptions withMaxChildren(int newMaxChildren) {
        return new ForkOptions(javaExecutable, classPath, mainClass, mainArgs, jvmArgs, timeout, newMaxChildren,
                startupArchive, environment);
    }

    public ForkOptions withStartupArchive(StartupArchive archive) {
        return new ForkOptions(javaExecutable, classPath, mainClass, mainArgs, jvmArgs, timeout, maxChildren, archive,
                environment);
    }

    public ForkOptions withEnvironment(Map<String, String> variables) {
        return new ForkOptions(javaExecutable, classPath, mainClass, mainArgs, jvmArgs, timeout, maxChildren,
                startupArchive, variables);
    }

    /** The command line, as an argument vector: no shell ever parses it. */
    List<String> command() {
        List<String> base = baseCommand();
        StartupArchive archive = startupArchive.available(javaExecutable.equals(runningJava()));
        if (archive == StartupArchive.NONE) {
            return base;
        }
        List<String> command = new ArrayList<>(base);
        command.addAll(1, StartupArchiveCache.flagsFor(archive, base, classPath));
        return command;
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
}
