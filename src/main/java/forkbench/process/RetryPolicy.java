package forkbench.process;

/**
 * What a {@link ChildPool} does with the part a dead child held. Either way the dead child is replaced and the
 * pool's other parts are kept; a kernel's own exception ({@link ChildErrorException}) is its answer, never retried.
 */
public enum RetryPolicy {
    /** Run the part once more, on the replacement; the job fails only if that fails too. The default. */
    RETRY_ONCE,
    /** Fail the part's job with the death's cause, as the seed's promise rejects. */
    FAIL
}
