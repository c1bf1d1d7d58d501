package forkbench.report.model;

/**
 * How to read a set of results.
 *
 * @param baseline   the label (benchmark method name) every other one is compared with, e.g. {@code sequential}
 * @param sizeParam  the parameter that holds the problem size, for break-even points
 * @param cores      cores to divide speedup by when a run recorded none; {@code null} to divide by workers
 * @param confidence the confidence level of every interval, e.g. 0.95
 * @param margin     how close two times must be shown to be to count as equivalent, as a fraction (0.02: ±2%)
 */
public record ReportOptions(String baseline, String sizeParam, Double cores, double confidence, double margin) {

    /** Two results within ±2% of each other, shown so by their 95% interval, are equivalent. */
    public static final double DEFAULT_MARGIN = 0.02;

    public ReportOptions(String baseline, String sizeParam, Double cores, double confidence) {
        this(baseline, sizeParam, cores, confidence, DEFAULT_MARGIN);
    }

    public static final double NOISY_VARIATION = 0.05;
    public static final int FEW_SAMPLES = 3;

    public ReportOptions {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        if (!(margin > 0 && margin < 1)) {
            throw new IllegalArgumentException("an equivalence margin is a fraction above 0 and below 1, got " + margin);
        }
        if (cores != null && !(cores > 0)) {
            throw new IllegalArgumentException("cores must be positive, got " + cores);
        }
    }

    public static ReportOptions defaults() {
        return new ReportOptions(forkbench.strategy.Strategies.SEQUENTIAL, "n", null, 0.95);
    }
}
