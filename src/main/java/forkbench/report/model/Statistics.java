package forkbench.report.model;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Quantiles shared by the interval computations. */
final class Statistics {

    /** Inverting the t distribution is iterative; a big report asks for the same few quantiles thousands of times. */
    private static final Map<List<Double>, Double> QUANTILES = new ConcurrentHashMap<>();

    private Statistics() {
    }

    /** The two-sided Student's t critical value for {@code confidence} with {@code degreesOfFreedom}. */
    static double t(double confidence, double degreesOfFreedom) {
        return QUANTILES.computeIfAbsent(List.of(confidence, degreesOfFreedom), key ->
                new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + confidence / 2));
    }
}
