package forkbench.cli;

import forkbench.process.ChildProcess;
import forkbench.process.ForkOptions;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * {@code java -jar benchmarks.jar child-command}: the exact argument vector a cold child runs, one argument per
 * line, its start-up archive made first. For timing a child from outside (scripts/cross-check does, with
 * hyperfine) and for seeing what a child is.
 */
@Command(name = "child-command", mixinStandardHelpOptions = true, versionProvider = Version.class, usageHelpAutoWidth = true,
        exitCodeListHeading = ExitCode.HEADING, exitCodeList = {ExitCode.OK_HELP, ExitCode.BAD_INPUT_HELP,
                ExitCode.FAILED_HELP},
        description = {"Prints the command a child JVM is started with (no shell ever parses it), one argument per "
                + "line, after making its start-up archive. It reads start frames on stdin and answers on stdout."})
final class ChildCommand implements Callable<Integer> {

    private final PrintStream out;

    private ChildCommand(PrintStream out) {
        this.out = out;
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return Subcommands.execute(new ChildCommand(out), "child-command", args, out, err);
    }

    @Override
    public Integer call() {
        ForkOptions options = ForkOptions.defaults();
        ChildProcess.prepare(options);
        ChildProcess.commandLine(options).forEach(out::println);
        return ExitCode.OK;
    }
}
