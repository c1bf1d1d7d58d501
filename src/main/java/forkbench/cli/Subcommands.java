package forkbench.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/** How every picocli subcommand runs: its help on our streams, and any error as one line with its own prefix. */
final class Subcommands {

    private Subcommands() {
    }

    /** Exit codes as {@link ExitCode} says; every error is one line. */
    static int execute(Object command, String name, String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((e, ignored) -> {
                    err.println("forkbench " + name + ": " + oneLine(e.getMessage()) + " (" + name
                            + " --help lists the options)");
                    return ExitCode.BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, line, result) -> {
                    err.println("forkbench " + name + ": " + describe(e));
                    return ExitCode.FAILED;
                })
                .execute(args);
    }

    /** A failure nobody anticipated, still on one line and never as {@code null}. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : oneLine(message);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
