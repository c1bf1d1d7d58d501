package forkbench.report.input;

import java.util.Locale;

/**
 * Turns a JMH score in any unit and mode into nanoseconds per operation of the whole system. Time modes
 * ({@code avgt}, {@code sample}, {@code ss}) report time per operation per thread, so N threads complete N
 * operations in that time; {@code thrpt} reports operations per time summed over threads. Both land on the same
 * scale, so the same timings recorded in either mode give the same speedups.
 */
record TimeUnitScale(double nanosPerUnit, boolean throughput) {

    static TimeUnitScale of(String unit, String mode) {
        String[] parts = unit.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("score unit '" + unit + "' is neither time/op nor ops/time");
        }
        boolean throughput = switch (mode.toLowerCase(Locale.ROOT)) {
            case "thrpt" -> true;
            case "avgt", "sample", "ss" -> false;
            default -> throw new IllegalArgumentException("unknown JMH mode '" + mode + "'");
        };
        String timePart = throughput ? parts[1] : parts[0];
        String opPart = throughput ? parts[0] : parts[1];
        if (!opPart.equals("op") && !opPart.equals("ops")) {
            throw new IllegalArgumentException("score unit '" + unit + "' does not fit mode " + mode);
        }
        return new TimeUnitScale(nanos(timePart, unit), throughput);
    }

    double systemNanosPerOperation(double score, int threads) {
        return throughput ? nanosPerUnit / score : score * nanosPerUnit / threads;
    }

    private static double nanos(String timeUnit, String unit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us", "µs", "\u03bcs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            case "hr" -> 3600e9;
            case "day" -> 86400e9;
            default -> throw new IllegalArgumentException("unknown time unit '" + timeUnit + "' in score unit '"
                    + unit + "'");
        };
    }
}
