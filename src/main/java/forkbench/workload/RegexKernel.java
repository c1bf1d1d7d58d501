package forkbench.workload;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading logs with regular expressions, as a log pipeline does: item {@code i} is a generated access-log line,
 * matched whole by {@code java.util.regex} with groups for its fields, then searched for every number in it; the
 * answer folds the fields and the count of numbers. Each line, matcher and group is a new object.
 */
final class RegexKernel extends SummedKernel {

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) (INFO|WARN|ERROR) \\[worker-(\\d+)\\] (GET|POST|PUT|DELETE) (\\S+) (\\d{3}) (\\d+)ms user=(\\w+)$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "WARN", "ERROR"};
    private static final String[] METHODS = {"GET", "GET", "POST", "PUT", "DELETE"};
    private static final int[] STATUSES = {200, 200, 200, 201, 204, 301, 404, 500};

    @Override
    public long compute(long from, long to) {
        long sum = 0;
        for (long i = from; i < to; i++) {
            String line = line(i);
            Matcher fields = LINE.matcher(line);
            if (!fields.matches()) {
                throw new IllegalStateException("log line " + i + " does not match: " + line);
            }
            long value = fields.group(2).length() * 1_000_003L + Long.parseLong(fields.group(3)) * 7919
                    + fields.group(5).length() * 31L + Long.parseLong(fields.group(6)) * 17
                    + Long.parseLong(fields.group(7)) + fields.group(8).hashCode();
            Matcher numbers = NUMBER.matcher(line);
            int count = 0;
            while (numbers.find()) {
                count++;
            }
            sum += Items.mix(value * 131 + count);
        }
        return sum;
    }

    /** Log line {@code i}. */
    static String line(long i) {
        SplittableRandom random = Items.random(i);
        return "2026-12-02T04:" + (10 + random.nextInt(50)) + ":" + (10 + random.nextInt(50)) + "."
                + (100 + random.nextInt(900)) + "Z " + LEVELS[random.nextInt(LEVELS.length)] + " [worker-"
                + random.nextInt(64) + "] " + METHODS[random.nextInt(METHODS.length)] + " /api/items/"
                + random.nextInt(100_000) + "?page=" + random.nextInt(20) + " "
                + STATUSES[random.nextInt(STATUSES.length)] + " " + random.nextInt(2_000) + "ms user=u"
                + random.nextInt(10_000);
    }

    @Override
    public long smallestPart() {
        return 1 << 10;
    }
}
