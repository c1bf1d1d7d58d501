package forkbench.cli;

/** A mistake in what the user typed: reported as one line, exit code 2, no stack trace. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
