package forkbench.cli;

import forkbench.process.Orphans;

/**
 * The jar's entry point. {@code report ...} turns results into reports ({@link ReportCommand}); {@code memory ...}
 * measures memory per worker ({@link MemoryCommand}); {@code compare ...} judges one run against another
 * ({@link CompareCommand}); {@code faults} measures what a failing worker does to each strategy ({@link FaultsCommand}); {@code child-command} prints how a child JVM is started ({@link ChildCommand}); anything else is JMH's own command line, run with forkbench's
 * checks and defaults ({@link BenchmarkCommand}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Orphans.endDescendantsAtExit();
        System.setOut(ConsoleText.forConsole(System.out, new java.io.FileOutputStream(java.io.FileDescriptor.out)));
        System.setErr(ConsoleText.forConsole(System.err, new java.io.FileOutputStream(java.io.FileDescriptor.err)));
        String[] rest = args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        int status = switch (args.length > 0 ? args[0] : "") {
            case "report" -> ReportCommand.run(rest, System.out, System.err);
            case "memory" -> MemoryCommand.run(rest, System.out, System.err);
            case "compare" -> CompareCommand.run(rest, System.out, System.err);
            case "faults" -> FaultsCommand.run(rest, System.out, System.err);
            case "child-command" -> ChildCommand.run(rest, System.out, System.err);
            default -> new BenchmarkCommand(System.out, System.err).run(args);
        };
        System.out.flush();
        System.exit(status);
    }
}
