package forkbench.workload;

import java.util.ArrayList;
import java.util.List;

/** The half-open index range {@code [from, to)} that one worker sums. */
public record Range(long from, long to) {

    public Range {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("invalid range [" + from + ", " + to + ")");
        }
    }

    public long size() {
        return to - from;
    }

    /**
     * Splits {@code [0, n)} into {@code parts} contiguous ranges whose sizes differ by at most one, the larger ones
     * first. When {@code n < parts} the trailing ranges are empty: every worker still gets (and pays for) a task.
     */
    public static List<Range> split(long n, int parts) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        }
        long base = n / parts;
        long remainder = n % parts;
        List<Range> ranges = new ArrayList<>(parts);
        long from = 0;
        for (int i = 0; i < parts; i++) {
            long to = from + base + (i < remainder ? 1 : 0);
            ranges.add(new Range(from, to));
            from = to;
        }
        return List.copyOf(ranges);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
