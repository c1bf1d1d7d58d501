package forkbench.report.model;

/**
 * A scaling model fitted to throughput X(N) at N workers, by least squares with lambda free:
 * Amdahl's law {@code X(N) = lambda N / (1 + sigma (N - 1))}, or the Universal Scalability Law
 * {@code X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1))}. Every number is {@code null} when the fit was not
 * made, and {@code note} says why.
 *
 * @param lambda      throughput of one worker, operations per second
 * @param sigma       contention: the serial fraction
 * @param kappa       coherency: the cost of keeping workers in agreement (USL only; 0 for Amdahl)
 * @param rSquared    share of the throughput's variance the model explains
 * @param peakWorkers where the USL's throughput peaks, sqrt((1 - sigma) / kappa); {@code null} if it never does
 */
public record ScalingFit(String model, int points, Double lambda, Double lambdaError, Double sigma,
                         Double sigmaError, Double kappa, Double kappaError, Double rSquared, Double peakWorkers,
                         String note) {

    static ScalingFit notFitted(String model, int points, String why) {
        return new ScalingFit(model, points, null, null, null, null, null, null, null, null, why);
    }

    /** The modelled throughput at {@code workers}, operations per second. */
    public double throughput(double workers) {
        double k = kappa == null ? 0 : kappa;
        return lambda * workers / (1 + sigma * (workers - 1) + k * workers * (workers - 1));
    }

    public boolean fitted() {
        return lambda != null;
    }
}
