package forkbench.cli;

/**
 * The jar's entry point. With JMH options (or none) it runs the benchmarks exactly as JMH's own launcher would,
 * plus forkbench's checks and defaults; see {@link BenchmarkCommand}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = new BenchmarkCommand(System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }
}
