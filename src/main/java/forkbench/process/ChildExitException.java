package forkbench.process;

import java.util.OptionalInt;

/** The child exited with a non-zero code, or was killed by a signal, before it delivered its result. */
public final class ChildExitException extends ChildProcessException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    ChildExitException(long pid, int exitCode, String stderrTail) {
        this(pid, exitCode, "", stderrTail);
    }

    /** @param hint what is known of the cause beyond the code, as a clause ({@code " (likely ...)"}) or nothing */
    ChildExitException(long pid, int exitCode, String hint, String stderrTail) {
        super("child " + pid + " " + describe(exitCode) + hint + StderrTail.suffix(stderrTail));
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The signal that ended the child, where there was one (Java reports it as exit code 128 + signal). */
    public OptionalInt signal() {
        return exitCode > 128 && exitCode < 128 + 65 ? OptionalInt.of(exitCode - 128) : OptionalInt.empty();
    }

    static String describe(int exitCode) {
        if (exitCode == ChildMain.OUT_OF_MEMORY_EXIT_CODE) {
            return "ran out of memory (OutOfMemoryError; exit code " + exitCode + ")";
        }
        if (exitCode > 128 && exitCode < 128 + 65) {
            int signal = exitCode - 128;
            return "was killed by signal " + signal + signalName(signal) + " (exit code " + exitCode + ")";
        }
        return "exited with code " + exitCode;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> " (SIGHUP)";
            case 2 -> " (SIGINT)";
            case 6 -> " (SIGABRT)";
            case 9 -> " (SIGKILL)";
            case 11 -> " (SIGSEGV)";
            case 15 -> " (SIGTERM)";
            default -> "";
        };
    }
}
