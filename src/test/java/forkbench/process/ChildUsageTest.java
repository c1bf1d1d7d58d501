package forkbench.process;

import forkbench.strategy.Strategies;
import forkbench.strategy.Strategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kernel of known allocation, run by threads and by children: both are counted, and on the same terms. */
class ChildUsageTest {

    private static final ForkOptions CHILDREN = ForkOptions.builder().startupArchive(StartupArchive.NONE).build();
    private static final long N = 200_000;
    private static final double KNOWN = N * KiloAllocator.BYTES_PER_ELEMENT;

    @Test
    void childrenReportWhatTheyAllocateAndItMatchesWhatThreadsAllocateForTheSameWork() throws Exception {
        ChildUsage.enable();
        KiloAllocator kernel = new KiloAllocator();
        UsageMeter meter = UsageMeter.ofThisJvm();
        long threads;
        try (Strategy pool = Strategies.create(Strategies.THREAD_POOL, 2, CHILDREN)) {
            pool.run(kernel, N);
            UsageMeter.Reading before = meter.read();
            pool.run(kernel, N);
            threads = meter.read().since(before).allocatedBytes();
        }
        long children;
        try (Strategy pool = Strategies.create(Strategies.PROCESS_POOL, 2, CHILDREN)) {
            pool.run(kernel, N);
            UsageMeter.Reading before = ChildUsage.total();
            pool.run(kernel, N);
            children = ChildUsage.total().since(before).allocatedBytes();
        }
        assertTrue(threads >= KNOWN && threads < KNOWN * 1.05, "threads allocated " + threads + " for " + KNOWN);
        assertTrue(children >= KNOWN && children < KNOWN * 1.05, "children allocated " + children + " for " + KNOWN);
        assertEquals(1.0, (double) children / threads, 0.05, "the same work allocates the same");
    }

    @Test
    void theChildrensResidentMemoryIsTheMostTheyHeldAtOnceAndNothingOnceTheyAreGone() throws Exception {
        ChildUsage.enable();
        ChildUsage.takeResidentPeak();
        try (Strategy pool = Strategies.create(Strategies.PROCESS_POOL, 2, CHILDREN)) {
            pool.run(new KiloAllocator(), 1_000);
            long peak = ChildUsage.takeResidentPeak();
            // Two live JVMs: each holds well over 10 MiB resident on Linux, where the test runs.
            assertTrue(peak > 2 * (10L << 20), "two children held " + peak + " bytes");
            assertTrue(UsageMeter.residentBytes() > 10L << 20, "this JVM: " + UsageMeter.residentBytes());
        }
        ChildUsage.takeResidentPeak();
        assertEquals(0, ChildUsage.takeResidentPeak(), "closed children hold nothing");
    }

    @Test
    void aColdChildsWholeLifeCountsItsStartIncluded() throws Exception {
        ChildUsage.enable();
        try (Strategy cold = Strategies.create(Strategies.PROCESS_COLD, 1, CHILDREN)) {
            UsageMeter.Reading before = ChildUsage.total();
            cold.run(new KiloAllocator(), 1_000);
            long allocated = ChildUsage.total().since(before).allocatedBytes();
            assertTrue(allocated > 1_000 * KiloAllocator.BYTES_PER_ELEMENT, "a cold child allocated " + allocated);
        }
    }
}
