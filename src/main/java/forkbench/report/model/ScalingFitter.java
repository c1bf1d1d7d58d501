package forkbench.report.model;

import forkbench.statistics.Statistics;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.util.Pair;

/**
 * Fits Amdahl's law and the USL to (workers, throughput) points with commons-math3's Levenberg-Marquardt, keeping
 * sigma and kappa non-negative (and Amdahl's sigma at most 1). A model is fitted only with at least two residual
 * degrees of freedom, so that its standard errors and intervals mean something; with fewer, the result says so
 * instead of inventing numbers.
 */
final class ScalingFitter {

    private ScalingFitter() {
    }

    /** Residual degrees of freedom below this leave a fit's parameter intervals meaningless. */
    static final int MIN_RESIDUAL_DEGREES = 2;

    public static ScalingFit usl(double[] workers, double[] throughput) {
        return usl(workers, throughput, 0.95);
    }

    public static ScalingFit amdahl(double[] workers, double[] throughput) {
        return amdahl(workers, throughput, 0.95);
    }

    public static ScalingFit usl(double[] workers, double[] throughput, double confidence) {
        return fit(FitModel.USL, workers, throughput, confidence);
    }

    /** Amdahl's law; give it min(workers, cores), since no CPU-bound job scales past the cores. */
    public static ScalingFit amdahl(double[] workers, double[] throughput, double confidence) {
        return fit(FitModel.AMDAHL, workers, throughput, confidence);
    }

    private static ScalingFit fit(FitModel model, double[] n, double[] x, double confidence) {
        int parameters = model.parameters();
        int distinct = (int) java.util.Arrays.stream(n).distinct().count();
        if (distinct <= parameters || n.length - parameters < MIN_RESIDUAL_DEGREES) {
            return new ScalingFit.NotFitted(model, n.length, "needs at least " + (parameters + MIN_RESIDUAL_DEGREES)
                    + " worker counts (" + (parameters + 1) + " distinct) for " + MIN_RESIDUAL_DEGREES
                    + " residual degrees of freedom, has " + n.length + " (" + distinct + " distinct)");
        }
        double lambdaGuess = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n.length; i++) {
            lambdaGuess = Math.max(lambdaGuess, x[i] / n[i]);
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(parameters == 3 ? new double[] {lambdaGuess, 0.05, 0.001} : new double[] {lambdaGuess, 0.05})
                .model(point -> evaluate(point, n, parameters))
                .target(x)
                .parameterValidator(point -> bounded(point, parameters == 2))
                .maxEvaluations(100_000)
                .maxIterations(100_000)
                .build();
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (ConvergenceException | TooManyEvaluationsException e) {
            return new ScalingFit.NotFitted(model, n.length, "the fit did not converge");
        }
        double[] p = optimum.getPoint().toArray();
        double rss = optimum.getResiduals().dotProduct(optimum.getResiduals());
        double[] errors = new double[parameters];
        try {
            RealMatrix covariance = optimum.getCovariances(1e-14);
            double residualVariance = rss / (n.length - parameters);
            for (int i = 0; i < parameters; i++) {
                errors[i] = Math.sqrt(covariance.getEntry(i, i) * residualVariance);
            }
        } catch (SingularMatrixException e) {
            java.util.Arrays.fill(errors, Double.NaN);
        }
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double tss = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
        double kappa = parameters == 3 ? p[2] : 0;
        Double peak = kappa > 0 && p[1] < 1 ? Math.sqrt((1 - p[1]) / kappa) : null;
        int residual = n.length - parameters;
        return new ScalingFit.Fitted(model, n.length, p[0], finite(errors[0]), p[1], finite(errors[1]), kappa,
                parameters == 3 ? finite(errors[2]) : null, tss > 0 ? 1 - rss / tss : null, peak, residual,
                Statistics.t(confidence, residual));
    }

    /** The model's values and its Jacobian with respect to (lambda, sigma[, kappa]). */
    private static Pair<RealVector, RealMatrix> evaluate(RealVector point, double[] n, int parameters) {
        double lambda = point.getEntry(0);
        double sigma = point.getEntry(1);
        double kappa = parameters == 3 ? point.getEntry(2) : 0;
        double[] values = new double[n.length];
        double[][] jacobian = new double[n.length][parameters];
        for (int i = 0; i < n.length; i++) {
            double d = 1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1);
            values[i] = lambda * n[i] / d;
            jacobian[i][0] = n[i] / d;
            jacobian[i][1] = -lambda * n[i] * (n[i] - 1) / (d * d);
            if (parameters == 3) {
                jacobian[i][2] = -lambda * n[i] * n[i] * (n[i] - 1) / (d * d);
            }
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /** sigma and kappa are never negative; Amdahl's sigma, a serial fraction, is at most 1. */
    private static RealVector bounded(RealVector point, boolean amdahl) {
        RealVector clamped = point.copy();
        for (int i = 1; i < clamped.getDimension(); i++) {
            clamped.setEntry(i, Math.max(0, clamped.getEntry(i)));
        }
        if (amdahl) {
            clamped.setEntry(1, Math.min(1, clamped.getEntry(1)));
        }
        return clamped;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
