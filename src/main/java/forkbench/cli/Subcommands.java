package forkbench.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/** How every picocli subcommand runs: its help on our streams, and any error as one line with its own prefix. */
final class Subcommands {

    private Subcommands() {
    }

    /** Exit codes: 0 done, 1 a failure while running, 2 a mistake in the command line. */
    static int execute(Object command, String name, String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((e, ignored) -> {
                    err.println("forkbench " + name + ": " + e.getMessage() + " (" + name + " --help lists the options)");
                    return 2;
                })
                .setExecutionExceptionHandler((e, line, result) -> {
                    err.println("forkbench " + name + ": " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }
}
