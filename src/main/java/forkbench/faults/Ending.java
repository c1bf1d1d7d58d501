package forkbench.faults;

/** How the JVM under test of a trial ended. */
enum Ending {
    /** It ran every job (or gave up on a stuck strategy) and exited by itself. */
    SURVIVED,
    /** It died before the end: the fault took the whole JVM with it. */
    DIED,
    /** It outlived the trial's time limit and was destroyed. */
    KILLED
}
