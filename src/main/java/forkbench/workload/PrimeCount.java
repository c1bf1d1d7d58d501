package forkbench.workload;

/**
 * The second built-in kernel: how many primes lie in a range, by trial division. It has no closed form, so
 * strategies are checked against a sequential run, and its cost per index is uneven: a prime near {@code i} costs
 * about {@code sqrt(i)/2} divisions, a composite usually stops at a small factor. The top half of {@code [0, n)}
 * costs about 1.6 times the bottom half (1.58-1.71 at n = 4e6 on the 2-core VM), so a static split into two
 * contiguous halves cannot beat about 1.6x however idle the second core, while work stealing can approach 2x.
 */
final class PrimeCount implements Kernel {

    @Override
    public long compute(long from, long to) {
        long count = 0;
        for (long i = from; i < to; i++) {
            if (isPrime(i)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public long combine(long left, long right) {
        return left + right;
    }

    /** Trial division by 2, then by odd numbers up to the square root, written to avoid overflow near 2^63. */
    static boolean isPrime(long candidate) {
        if (candidate < 4) {
            return candidate >= 2;
        }
        if (candidate % 2 == 0) {
            return false;
        }
        for (long divisor = 3; divisor <= candidate / divisor; divisor += 2) {
            if (candidate % divisor == 0) {
                return false;
            }
        }
        return true;
    }
}
