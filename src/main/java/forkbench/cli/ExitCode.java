package forkbench.cli;

/**
 * What the jar's exit status means, the same in every subcommand, so a script or a CI gate can tell a finding from
 * a mistake: a broken input file must never read as a slowdown.
 */
final class ExitCode {

    /** Done; nothing to flag. */
    static final int OK = 0;
    /** Done, and it found what the command looks for: {@code compare}'s significant slowdown. */
    static final int FINDING = 1;
    /** Bad usage or input: an unknown option, a bad value, an unreadable or non-JMH file, an unusable --out. */
    static final int BAD_INPUT = 2;
    /** The work itself failed: a benchmark threw (a wrong answer included), a child died, an output could not be written. */
    static final int FAILED = 3;

    /** For picocli's {@code exitCodeList} (annotation values must be constants): the same words in every --help. */
    static final String OK_HELP = "0:done, nothing to flag";
    static final String FINDING_HELP = "1:a finding (compare: a significant slowdown beyond the threshold)";
    static final String BAD_INPUT_HELP = "2:bad usage or input (options, parameter values, input files, --out); "
            + "nothing was written";
    static final String FAILED_HELP = "3:the work failed (a benchmark error, a child JVM failure, an output that "
            + "could not be written)";
    static final String HEADING = "%nExit codes (the same for every forkbench command):%n";

    private ExitCode() {
    }
}
