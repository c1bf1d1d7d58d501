package forkbench.workload;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChunkedTest {

    /** Records the ranges it is called with, and sums like the seed. */
    private static class Recording implements Kernel {
        final List<Range> calls = new ArrayList<>();

        @Override
        public long compute(long from, long to) {
            calls.add(new Range(from, to));
            return Summation.sum(from, to);
        }

        @Override
        public long combine(long left, long right) {
            return left + right;
        }
    }

    @Test
    void aPartInChunksGivesTheSameAnswerAsOneCall() {
        for (long[] part : new long[][] {{0, 0}, {0, 1}, {5, 17}, {3, 1_000_003}, {0, 1L << 23}}) {
            for (long chunk : new long[] {0, 1, 7, 1 << 20}) {
                assertEquals(Summation.sum(part[0], part[1]),
                        Chunked.compute(new Summation(), part[0], part[1], chunk), part[0] + ".." + part[1]);
            }
        }
        assertEquals(new PrimeCount().compute(10, 100_000),
                Chunked.compute(new PrimeCount(), 10, 100_000, 999));
    }

    @Test
    void chunksCoverThePartOnceInOrderAndNoneIsLargerThanAsked() {
        Recording kernel = new Recording();
        Chunked.compute(kernel, 10, 45, 10);
        assertEquals(List.of(new Range(10, 20), new Range(20, 30), new Range(30, 40), new Range(40, 45)),
                kernel.calls);
        Recording whole = new Recording();
        Chunked.compute(whole, 10, 45, 0);
        assertEquals(List.of(new Range(10, 45)), whole.calls);
    }

    @Test
    void aPartNearTheTopOfTheRangeDoesNotOverflow() {
        Recording kernel = new Recording() {
            @Override
            public long compute(long from, long to) {
                calls.add(new Range(from, to));
                return 1;
            }
        };
        assertEquals(3, Chunked.compute(kernel, Long.MAX_VALUE - 25, Long.MAX_VALUE, 10));
        assertEquals(new Range(Long.MAX_VALUE - 5, Long.MAX_VALUE), kernel.calls.get(2));
    }
}
