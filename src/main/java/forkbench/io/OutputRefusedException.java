package forkbench.io;

import java.io.IOException;

/**
 * An output that will not be written because of what the user asked for: the place is a file, not writable, holds
 * something else, or holds an input. Nothing was written. Other {@link IOException}s are failures while writing.
 */
public final class OutputRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutputRefusedException(String message) {
        super(message);
    }
}
