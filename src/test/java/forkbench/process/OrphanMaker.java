package forkbench.process;

import forkbench.workload.Range;

/**
 * A parent JVM for the no-orphans test: forks a real child, gives it a job that would run for years, prints the
 * child's pid, and waits to be killed.
 */
public final class OrphanMaker {

    private OrphanMaker() {
    }

    public static void main(String[] args) throws Exception {
        ChildProcess child = ChildProcess.fork(ForkOptions.builder().startupArchive(StartupArchive.NONE).build());
        child.submit(new Range(0, Long.MAX_VALUE));
        System.out.println(child.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
