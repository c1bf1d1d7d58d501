package forkbench.cli;

/**
 * The jar's entry point. {@code report ...} turns results into reports ({@link ReportCommand}); anything else is
 * JMH's own command line, run with forkbench's checks and defaults ({@link BenchmarkCommand}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = args.length > 0 && args[0].equals("report")
                ? ReportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err)
                : new BenchmarkCommand(System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }
}
