package forkbench.faults;

/** What became of one job of a trial. */
enum Outcome {
    /** It answered, and the answer verified. */
    CORRECT,
    /** It failed with a cause: an exception, or no answer within the job deadline. */
    FAILED,
    /** It answered wrongly: the worst outcome, a failure nobody sees. */
    WRONG,
    /** It never ran: the JVM under test had died, or the trial was stopped as stuck. */
    LOST
}
