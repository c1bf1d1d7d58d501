package forkbench.process;

/** The child ran, and answered with an error message instead of a result. The child itself stays usable. */
public final class ChildErrorException extends ChildProcessException {
    private static final long serialVersionUID = 1L;

    ChildErrorException(long pid, String childMessage) {
        super("child " + pid + " reported an error: " + childMessage);
    }
}
