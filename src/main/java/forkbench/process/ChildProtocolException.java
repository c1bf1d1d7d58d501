package forkbench.process;

/** The channel carried something that is not a valid frame, or ended before the result. */
public final class ChildProtocolException extends ChildProcessException {
    private static final long serialVersionUID = 1L;

    ChildProtocolException(String message) {
        super(message);
    }
}
