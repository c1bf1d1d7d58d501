package forkbench.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummationTest {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** n(n-1)/2 reduced modulo 2^64, in exact arithmetic, as a signed long. */
    private static long exact(long n) {
        BigInteger big = BigInteger.valueOf(n);
        return big.multiply(big.subtract(BigInteger.ONE)).shiftRight(1).mod(TWO_TO_64).longValue();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 10, 4_294_967_295L, 4_294_967_296L, 4_294_967_297L, 3_037_000_500L,
            4_300_000_001L, 5_000_000_000L, Long.MAX_VALUE - 1, Long.MAX_VALUE})
    void referenceIsExactModulo2To64(long n) {
        assertEquals(exact(n), Summation.reference(n));
    }

    @Test
    void referenceIsExactForRandomN() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong(0, Long.MAX_VALUE);
            assertEquals(exact(n), Summation.reference(n), "n=" + n);
        }
    }

    @Test
    void theNaiveFormulaWouldBeWrongWhereTheTestsUseIt() {
        long n = 5_000_000_000L;
        assertTrue(n * (n - 1) / 2 != Summation.reference(n), "the big-n tests would not catch overflow");
    }

    @Test
    void theLoopMatchesTheReferenceAndWrapsTheSameWay() {
        for (long n = 0; n < 2_000; n++) {
            assertEquals(Summation.reference(n), Summation.sum(0, n));
        }
        // A range high enough that the loop's sum wraps: sum [a, b) = ref(b) - ref(a) modulo 2^64.
        long from = Long.MAX_VALUE - 1_000_000;
        long to = Long.MAX_VALUE;
        assertEquals(Summation.reference(to) - Summation.reference(from), Summation.sum(from, to));
    }

    @Test
    void asAKernelItsPartsCombineToTheClosedForm() {
        Summation kernel = new Summation();
        long n = 5_000_003;
        long parts = kernel.combine(kernel.compute(0, 1_234_567), kernel.compute(1_234_567, n));
        assertEquals(Summation.reference(n), parts);
        assertEquals(Summation.reference(n), kernel.expected(n).orElseThrow());
        assertEquals(0, kernel.compute(7, 7), "an empty range is the identity of addition");
    }

    @Test
    void referenceRejectsNegativeN() {
        assertThrows(IllegalArgumentException.class, () -> Summation.reference(-1));
    }

    @Test
    void splitCoversTheRangeContiguouslyWithSizesWithinOne() {
        for (long n : new long[] {0, 1, 3, 10, 11, 1_000_003, 5_000_000_000L}) {
            for (int parts : new int[] {1, 2, 3, 4, 7, 16}) {
                List<Range> ranges = Range.split(n, parts);
                assertEquals(parts, ranges.size());
                assertEquals(0, ranges.get(0).from());
                assertEquals(n, ranges.get(parts - 1).to());
                long smallest = Long.MAX_VALUE;
                long largest = 0;
                for (int i = 0; i < parts; i++) {
                    if (i > 0) {
                        assertEquals(ranges.get(i - 1).to(), ranges.get(i).from());
                    }
                    smallest = Math.min(smallest, ranges.get(i).size());
                    largest = Math.max(largest, ranges.get(i).size());
                }
                assertTrue(largest - smallest <= 1, "n=" + n + " parts=" + parts);
            }
        }
    }

    @Test
    void splitGivesEmptyRangesWhenThereAreMoreWorkersThanIndices() {
        assertEquals(List.of(new Range(0, 1), new Range(1, 2), new Range(2, 2), new Range(2, 2)), Range.split(2, 4));
    }

    @Test
    void rangesRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Range(5, 3));
        assertThrows(IllegalArgumentException.class, () -> new Range(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Range.split(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Range.split(10, 0));
    }
}
