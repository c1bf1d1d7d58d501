package forkbench.workload;

/** Thrown when a strategy's answer differs from the expected one: a fast wrong answer is not a result. */
final class WrongResultException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    WrongResultException(String message) {
        super(message);
    }
}
