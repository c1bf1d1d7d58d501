package forkbench.process;

/** The child JVM could not be started, or died before it said it was ready. */
public final class ChildStartException extends ChildProcessException {
    private static final long serialVersionUID = 1L;

    ChildStartException(String message, Throwable cause) {
        super(message, cause);
    }

    ChildStartException(String message) {
        super(message);
    }
}
