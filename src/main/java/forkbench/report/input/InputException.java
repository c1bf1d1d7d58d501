package forkbench.report.input;

import java.nio.file.Path;

/** An input file that cannot be reported on; the message names the file and the problem, on one line. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
