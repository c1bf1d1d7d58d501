package forkbench.process;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** One daemon timer thread for every child's timeouts, started on first use. */
final class ChildTimeouts {
    static final ScheduledExecutorService SCHEDULER = create();

    private ChildTimeouts() {
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "forkbench-child-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
