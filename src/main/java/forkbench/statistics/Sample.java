package forkbench.statistics;

/** The iterations of one measurement, summarised: their mean, spread and count. */
public record Sample(double mean, double standardDeviation, int count) {

    public static Sample of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one value");
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double deviation = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : Double.NaN;
        return new Sample(mean, deviation, values.length);
    }

    /** The standard error of the mean; NaN with a single value. */
    public double standardError() {
        return standardDeviation / Math.sqrt(count);
    }

    /** Coefficient of variation: spread relative to the mean. */
    public double variation() {
        return standardDeviation / mean;
    }

    /** Half-width of the confidence interval of the mean (Student's t); NaN with a single value. */
    public double halfWidth(double confidence) {
        return count < 2 ? Double.NaN : Statistics.t(confidence, count - 1) * standardError();
    }
}
