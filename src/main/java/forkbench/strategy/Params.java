package forkbench.strategy;

import forkbench.configuration.ParameterValues;
import forkbench.workload.Workers;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The two benchmark parameters, parsed the same way wherever they arrive from: the command line checks them before
 * any benchmark starts, and the benchmark states parse them again inside JMH's forks.
 */
public final class Params {

    private Params() {
    }

    /**
     * The problem size: a whole number >= 0, written as digits ({@code 2000000000}), with underscores
     * ({@code 2_000_000_000}) or in scientific notation ({@code 2e9}) as long as it is exact.
     */
    public static long parseN(String text) {
        long n;
        try {
            BigDecimal value = ParameterValues.number(text);
            if (value == null) {
                throw new NumberFormatException();
            }
            n = value.toBigIntegerExact().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("n must be a whole number from 0 to " + Long.MAX_VALUE
                    + " (like 2000000000 or 2e9), got '" + text + "'");
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got '" + text + "'");
        }
        return n;
    }

    public static int parseWorkers(String text) {
        String cleaned = text == null ? "" : text.strip();
        int workers;
        try {
            workers = new BigInteger(cleaned).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("workers must be a whole number from 1 to " + Workers.MAX
                    + ", got '" + text + "'");
        }
        checkWorkers(workers);
        return workers;
    }

    static void checkWorkers(int workers) {
        if (workers < 1 || workers > Workers.MAX) {
            throw new IllegalArgumentException("workers must be from 1 to " + Workers.MAX + ", got " + workers);
        }
    }
}
