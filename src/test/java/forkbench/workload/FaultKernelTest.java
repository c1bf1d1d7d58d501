package forkbench.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultKernelTest {

    @TempDir
    Path tokens;

    @Test
    void aChildCreatesTheSameFaultKernelFromItsWireName() {
        FaultKernel kernel = new FaultKernel(Fault.HANG, 42, tokens.resolve("job-3"), new PrimeCount());
        Kernel twin = Kernels.byName(Kernels.wireName(kernel));
        FaultKernel faulty = assertInstanceOf(FaultKernel.class, twin);
        assertEquals(kernel.wireName(), faulty.wireName());
        assertEquals(Fault.HANG, faulty.fault());
        assertEquals(42, faulty.at());
        assertInstanceOf(PrimeCount.class, faulty.inner());
        assertEquals("fault:throws:7:-:" + Summation.class.getName(), new FaultKernel(Fault.THROWS, 7, null, new Summation()).wireName());
    }

    @Test
    void aBadFaultNameIsRefusedInOneLine() {
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> Kernels.byName("fault:melt:1:-:sum"));
        assertEquals("unknown fault 'melt'; known: crash, oom, hang, throws", kind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kernels.byName("fault:crash:x:-:sum"));
        assertThrows(IllegalArgumentException.class, () -> Kernels.byName("fault:crash:1"));
    }

    @Test
    void aOnceOnlyFaultFiresOnTheCallOverItsIndexOnlyOnceAndRecordsWhen() {
        Path token = tokens.resolve("job-0");
        FaultKernel kernel = new FaultKernel(Fault.THROWS, 10, token, new Summation());
        assertEquals(Summation.sum(0, 10), kernel.compute(0, 10), "a call that misses the index computes");
        long before = System.nanoTime();
        assertThrows(IllegalStateException.class, () -> kernel.compute(5, 20));
        assertTrue(FaultKernel.firedAt(token).orElseThrow() >= before);
        assertEquals(Summation.sum(5, 20), kernel.compute(5, 20), "the retry finds the token taken");
        FaultKernel always = new FaultKernel(Fault.THROWS, 10, null, new Summation());
        assertThrows(IllegalStateException.class, () -> always.compute(0, 20));
        assertThrows(IllegalStateException.class, () -> always.compute(0, 20));
    }

    @Test
    void everyKthJobIsFaultedAtTheStartOfOneOfItsParts() {
        FaultPlan plan = FaultPlan.everyKth(Fault.CRASH, 10, 5, tokens);
        List<Long> faulted = LongStream.range(0, 40).filter(plan::faults).boxed().toList();
        assertEquals(List.of(9L, 19L, 29L, 39L), faulted);
        List<Long> starts = Range.split(1000, 4).stream().map(Range::from).toList();
        for (long job : faulted) {
            FaultKernel kernel = assertInstanceOf(FaultKernel.class, plan.kernelFor(job, new Summation(), 1000, 4));
            assertTrue(starts.contains(kernel.at()), "fault at " + kernel.at());
            assertEquals(plan.tokenOf(job), kernel.token().orElseThrow());
        }
        Summation plain = new Summation();
        assertSame(plain, plan.kernelFor(0, plain, 1000, 4));
        assertSame(plain, plan.kernelFor(9, plain, 0, 4), "a job with no elements meets no fault");
    }

    @Test
    void aRateFaultsTheSameJobsForTheSameSeedAndAboutThatShare() {
        FaultPlan plan = FaultPlan.atRate(Fault.THROWS, 0.2, 11, null);
        FaultPlan same = FaultPlan.atRate(Fault.THROWS, 0.2, 11, null);
        long count = LongStream.range(0, 10_000).filter(plan::faults).count();
        assertTrue(count > 1800 && count < 2200, count + " of 10000");
        assertTrue(LongStream.range(0, 1000).allMatch(job -> plan.faults(job) == same.faults(job)));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.atRate(Fault.OOM, 1.5, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new FaultPlan(Fault.OOM, 3, 0.5, 1, null));
    }
}
