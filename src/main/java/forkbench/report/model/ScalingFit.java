package forkbench.report.model;

/**
 * A scaling model fitted to throughput X(N) at N workers, by least squares with lambda free:
 * Amdahl's law {@code X(N) = lambda N / (1 + sigma (N - 1))}, or the Universal Scalability Law
 * {@code X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1))}. Every number is {@code null} when the fit was not
 * made, and {@code note} says why. A fit is made only with at least two residual degrees of freedom, so that its
 * parameter intervals mean something; one whose R² is below {@link #MEANINGFUL_R_SQUARED} is kept but
 * {@link #describesData()} is false: it is reported as not describing the data, never drawn as a curve.
 *
 * @param lambda      throughput of one worker, operations per second
 * @param sigma       contention: the serial fraction, in [0, 1]
 * @param kappa       coherency: the cost of keeping workers in agreement (USL only; 0 for Amdahl)
 * @param rSquared    share of the throughput's variance the model explains
 * @param peakWorkers where the USL's throughput peaks, sqrt((1 - sigma) / kappa); {@code null} if it never does
 * @param residualDegrees points minus parameters
 * @param criticalT   Student's t for the report's confidence at those degrees of freedom: an error times it is
 *                    the half-width of the parameter's interval
 */
public record ScalingFit(String model, int points, Double lambda, Double lambdaError, Double sigma,
                         Double sigmaError, Double kappa, Double kappaError, Double rSquared, Double peakWorkers,
                         Integer residualDegrees, Double criticalT, String note) {

    public static final double MEANINGFUL_R_SQUARED = 0.9;

    static ScalingFit notFitted(String model, int points, String why) {
        return new ScalingFit(model, points, null, null, null, null, null, null, null, null, null, null, why);
    }

    /** The modelled throughput at {@code workers}, operations per second. */
    public double throughput(double workers) {
        double k = kappa == null ? 0 : kappa;
        return lambda * workers / (1 + sigma * (workers - 1) + k * workers * (workers - 1));
    }

    public boolean fitted() {
        return lambda != null;
    }

    /** Fitted, and close enough to the points to be shown as describing them. */
    public boolean describesData() {
        return fitted() && rSquared != null && rSquared >= MEANINGFUL_R_SQUARED;
    }

    /** Half-width of a parameter's interval from its standard error; {@code null} when either is unknown. */
    public Double halfWidth(Double error) {
        return error == null || criticalT == null ? null : error * criticalT;
    }
}
