package forkbench.report.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A scaling model fitted to throughput X(N) at N workers, or the reason it was not: either {@link Fitted} with
 * every number, or {@link NotFitted} with a reason, so no renderer meets a half-filled fit. Models, fitted by least
 * squares with lambda free: Amdahl's law {@code X(N) = lambda N / (1 + sigma (N - 1))}, or the Universal
 * Scalability Law {@code X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1))}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "status")
@JsonSubTypes({@JsonSubTypes.Type(value = ScalingFit.Fitted.class, name = "fitted"),
        @JsonSubTypes.Type(value = ScalingFit.NotFitted.class, name = "not fitted")})
public sealed interface ScalingFit permits ScalingFit.Fitted, ScalingFit.NotFitted {

    /** Below this R² a fit is kept but reported as not describing the data, never drawn as a curve. */
    double MEANINGFUL_R_SQUARED = 0.9;

    /** Which law was fitted. */
    FitModel model();

    /** How many worker counts were offered to the fit. */
    int points();

    /** Fitted, and close enough to the points to be shown as describing them. */
    @JsonIgnore
    default boolean describesData() {
        return this instanceof Fitted fitted && fitted.rSquared() != null
                && fitted.rSquared() >= MEANINGFUL_R_SQUARED;
    }

    /**
     * A fit made with at least two residual degrees of freedom, so its parameter intervals mean something.
     *
     * @param lambda          throughput of one worker, operations per second
     * @param sigma           contention: the serial fraction, in [0, 1]
     * @param kappa           coherency: the cost of keeping workers in agreement (USL only; 0 for Amdahl)
     * @param rSquared        share of the throughput's variance the model explains; {@code null} when the points
     *                        do not vary
     * @param peakWorkers     where the USL's throughput peaks, sqrt((1 - sigma) / kappa); {@code null} if it never
     *                        does
     * @param residualDegrees points minus parameters
     * @param criticalT       Student's t for the report's confidence at those degrees of freedom: an error times it
     *                        is the half-width of the parameter's interval
     */
    record Fitted(FitModel model, int points, double lambda, Double lambdaError, double sigma, Double sigmaError,
                  double kappa, Double kappaError, Double rSquared, Double peakWorkers, int residualDegrees,
                  double criticalT) implements ScalingFit {

        /** The modelled throughput at {@code workers}, operations per second. */
        public double throughput(double workers) {
            return lambda * workers / (1 + sigma * (workers - 1) + kappa * workers * (workers - 1));
        }

        /** Half-width of a parameter's interval from its standard error; {@code null} when the error is unknown. */
        public Double halfWidth(Double error) {
            return error == null ? null : error * criticalT;
        }
    }

    /** @param reason why no fit was made, as a reader should see it */
    record NotFitted(FitModel model, int points, String reason) implements ScalingFit {
    }
}
