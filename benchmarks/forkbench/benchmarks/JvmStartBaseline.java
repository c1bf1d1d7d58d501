package forkbench.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The yardstick for {@code processCold}: how long a bare {@code java HelloWorld} takes, started and awaited from
 * this JVM the way a child is. A cold child can hardly cost less than a JVM that does nothing, so
 * {@code processCold} (at tiny {@code n}, 1 worker) minus {@code sequential}, read against this score from the same
 * run, is the overhead forkbench's child machinery adds to a JVM start.
 *
 * <p>"Bare" means the JDK's defaults and a class folder holding one class: the class is copied out of the
 * benchmark jar first, so this JVM does not even open a jar.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Few short iterations per fork: forks differ far more than iterations do, so the time goes into forks (the
// rounds forkbench runs by default), as Kalibera and Jones' allocation rule advises (docs/statistics.md).
@Warmup(iterations = 1, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class JvmStartBaseline {

    private Path classFolder;
    private List<String> command;

    @Setup(Level.Trial)
    public void copyHelloWorldOut() throws IOException {
        classFolder = Files.createTempDirectory("forkbench-hello-");
        String resource = HelloWorld.class.getName().replace('.', '/') + ".class";
        Path classFile = classFolder.resolve(resource);
        Files.createDirectories(classFile.getParent());
        try (InputStream bytes = HelloWorld.class.getClassLoader().getResourceAsStream(resource)) {
            if (bytes == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            Files.copy(bytes, classFile);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command = List.of(java, "-cp", classFolder.toString(), HelloWorld.class.getName());
    }

    @TearDown(Level.Trial)
    public void deleteClassFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(classFolder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public String helloWorld() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output;
        try (InputStream stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        int status = process.waitFor();
        if (status != 0 || !output.equals(HelloWorld.GREETING)) {
            throw new IllegalStateException("hello world exited " + status + " saying '" + output + "'");
        }
        return output;
    }
}
