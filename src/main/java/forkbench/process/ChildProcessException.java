package forkbench.process;

/** Why a child did not deliver its result. Each cause has its own subclass, so callers can tell them apart. */
public class ChildProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChildProcessException(String message) {
        super(message);
    }

    public ChildProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
