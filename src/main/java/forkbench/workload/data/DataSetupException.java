package forkbench.workload.data;

/** A data job's input cannot be made as asked (no room, no mapping, too large): the message says why, in one line. */
public final class DataSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataSetupException(String message) {
        super(message);
    }
}
