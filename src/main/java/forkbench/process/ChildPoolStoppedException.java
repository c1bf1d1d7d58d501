package forkbench.process;

/**
 * A {@link ChildPool} stopped because its children kept dying: so many in a row, without one part completing
 * between them, that forking more would only loop. Every later job fails with this at once.
 */
public final class ChildPoolStoppedException extends ChildProcessException {
    private static final long serialVersionUID = 1L;

    ChildPoolStoppedException(int deaths, Throwable last) {
        super("the child pool stopped after " + deaths + " children in a row died with no part completing; the last: "
                + last.getMessage(), last);
    }
}
