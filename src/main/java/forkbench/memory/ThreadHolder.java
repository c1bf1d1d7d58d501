package forkbench.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that starts {@code count} threads of one {@code kind} (platform or virtual), keeps them all blocked, prints
 * its own resident memory in KiB, and exits when its stdin closes. Measured with 0 and with N threads, the
 * difference over N is what one more thread of that kind costs a parent.
 */
final class ThreadHolder {

    private ThreadHolder() {
    }

    public static void main(String[] args) throws Exception {
        boolean virtual = args[0].equals("virtual");
        int count = Integer.parseInt(args[1]);
        CountDownLatch started = new CountDownLatch(count);
        CountDownLatch release = new CountDownLatch(1);
        Runnable parked = () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            threads.add(virtual ? Thread.ofVirtual().start(parked) : Thread.ofPlatform().daemon().start(parked));
        }
        started.await();
        System.out.println(Rss.kibibytes(ProcessHandle.current().pid()));
        System.out.flush();
        while (System.in.read() >= 0) {
            Thread.onSpinWait();
        }
        release.countDown();
    }
}
