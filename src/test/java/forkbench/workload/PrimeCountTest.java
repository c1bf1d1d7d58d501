package forkbench.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrimeCountTest {

    private final PrimeCount kernel = new PrimeCount();

    /** The prime-counting function at powers of ten, as tabulated (OEIS A006880). */
    @ParameterizedTest(name = "pi({0}) = {1}")
    @CsvSource({"1, 0", "10, 4", "100, 25", "1000, 168", "10000, 1229", "100000, 9592", "1000000, 78498"})
    void countsThePrimesBelowN(long n, long primes) {
        assertEquals(primes, kernel.compute(0, n));
    }

    @Test
    void smallCasesSquaresOfPrimesAndLargeValuesAreClassifiedRight() {
        assertFalse(PrimeCount.isPrime(0));
        assertFalse(PrimeCount.isPrime(1));
        assertTrue(PrimeCount.isPrime(2));
        assertTrue(PrimeCount.isPrime(3));
        assertFalse(PrimeCount.isPrime(4));
        assertFalse(PrimeCount.isPrime(9));
        assertFalse(PrimeCount.isPrime(25));
        assertTrue(PrimeCount.isPrime(2_147_483_647L), "2^31 - 1 is prime");
        assertTrue(PrimeCount.isPrime(1_000_003L));
        assertFalse(PrimeCount.isPrime(1_000_003L * 1_000_003L), "a square: only its root divides it");
    }

    @Test
    void anySplitCombinesToTheWhole() {
        long n = 200_000;
        long whole = kernel.compute(0, n);
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            long cut = random.nextLong(n + 1);
            assertEquals(whole, kernel.combine(kernel.compute(0, cut), kernel.compute(cut, n)), "cut at " + cut);
        }
        assertEquals(0, kernel.compute(5, 5));
        assertTrue(kernel.expected(n).isEmpty(), "no closed form: strategies are checked against a sequential run");
    }
}
