package forkbench.process;

import java.time.Duration;

/** The child took longer than its timeout; it has been destroyed. */
public final class ChildTimeoutException extends ChildProcessException {
    private static final long serialVersionUID = 1L;

    ChildTimeoutException(long pid, Duration timeout) {
        super("child " + pid + " gave no result within " + timeout.toMillis() + " ms and was destroyed");
    }
}
