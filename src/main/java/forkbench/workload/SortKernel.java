package forkbench.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sorting objects, as a report or a join does: item {@code i} is a list of 256 small records (a key, an amount,
 * a name) built on the heap and sorted by key, then by amount, through a comparator; the answer folds the sorted
 * order. An object graph per item: what a collector has to trace and copy while it lives.
 */
final class SortKernel extends SummedKernel {

    private static final int RECORDS = 256;
    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::key)
            .thenComparingInt(Entry::amount);

    /** One record. */
    record Entry(long key, int amount, String name) {
    }

    @Override
    public long compute(long from, long to) {
        long sum = 0;
        for (long i = from; i < to; i++) {
            List<Entry> entries = entries(i);
            entries.sort(ORDER);
            long value = 0;
            for (int position = 0; position < entries.size(); position++) {
                Entry entry = entries.get(position);
                value = value * 31 + entry.key() * (position + 1) + entry.amount() + entry.name().length();
            }
            sum += Items.mix(value);
        }
        return sum;
    }

    /** Item {@code i}'s records, in the order they were made. */
    static List<Entry> entries(long i) {
        SplittableRandom random = Items.random(i);
        List<Entry> entries = new ArrayList<>(RECORDS);
        for (int r = 0; r < RECORDS; r++) {
            // Few distinct keys, so the second field decides too.
            entries.add(new Entry(random.nextInt(64), random.nextInt(1_000_000), "n" + random.nextInt(1000)));
        }
        return entries;
    }

    @Override
    public long smallestPart() {
        return 1 << 6;
    }
}
