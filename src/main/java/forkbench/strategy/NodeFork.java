package forkbench.strategy;

import forkbench.io.Leftovers;
import forkbench.workload.Kernel;
import forkbench.workload.Summation;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The reference row: the seed tutorial's own program, {@code node main.js n workers}, which forks a Node worker per
 * part, sends each {@code 'start'} with its range and awaits the results with {@code Promise.all}. One job is one
 * run of that program, started without a shell, as a user would run it; its answer is exact (the worker sums in
 * blocks that stay exact as doubles and adds them as BigInts), so it is verified like every Java strategy. Only the
 * seed's summation exists in JavaScript.
 */
final class NodeFork implements Strategy {

    private static final String SCRIPTS = "/forkbench/seed/";
    private static final List<String> FILES = List.of("main.js", "worker.js");

    private final int workers;
    private final Path node;
    private final Path folder;

    /**
     * @throws IllegalStateException when {@code node} is not on the PATH, or the scripts cannot be unpacked
     */
    NodeFork(int workers) {
        this.workers = workers;
        this.node = nodeExecutable().orElseThrow(() -> new IllegalStateException(
                Strategies.NODE_FORK + " needs node (Node.js) on the PATH, and there is none"));
        try {
            folder = Leftovers.track(Files.createTempDirectory("forkbench-seed-"));
            for (String file : FILES) {
                try (InputStream script = NodeFork.class.getResourceAsStream(SCRIPTS + file)) {
                    if (script == null) {
                        throw new IllegalStateException(SCRIPTS + file + " is missing from the class path");
                    }
                    Files.copy(script, folder.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack the seed's scripts: " + e.getMessage(), e);
        }
    }

    /** The {@code node} launcher on the PATH, if there is one. */
    public static Optional<Path> nodeExecutable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path candidate = Path.of(entry, "node");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String id() {
        return Strategies.NODE_FORK;
    }

    @Override
    public long run(Kernel kernel, long n) throws InterruptedException {
        if (!(kernel instanceof Summation)) {
            throw new IllegalArgumentException(Strategies.NODE_FORK + " runs the seed's summation only, not "
                    + kernel.getClass().getName());
        }
        Process program;
        try {
            program = new ProcessBuilder(node.toString(), folder.resolve("main.js").toString(), Long.toString(n),
                    Integer.toString(workers)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + node + ": " + e.getMessage(), e);
        }
        String output;
        int status;
        try (InputStream out = program.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            status = program.waitFor();
        } catch (IOException | InterruptedException e) {
            // Neither the program nor its workers may outlive a job that gave up on them.
            program.descendants().forEach(ProcessHandle::destroyForcibly);
            program.destroyForcibly();
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("lost the seed program's output: " + e.getMessage(), e);
        }
        if (status != 0) {
            throw new IllegalStateException("the seed program (node main.js) exited with code " + status + ": "
                    + output.lines().reduce((first, last) -> last).orElse("no output"));
        }
        try {
            return Long.parseLong(output);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the seed program printed '" + output + "', not a sum");
        }
    }

    @Override
    public void close() {
        Leftovers.delete(folder);
    }
}
