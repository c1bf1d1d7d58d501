package forkbench.report.model;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScalingFitterTest {

    /**
     * The Cisco benchmark from Baron Schwartz, "Practical Scalability Analysis with the Universal Scalability Law"
     * (2015), as usl4j's tests also use it: concurrency and throughput.
     */
    private static final double[][] CISCO = {
            {1, 955.16}, {2, 1878.91}, {3, 2688.01}, {4, 3548.68}, {5, 4315.54}, {6, 5130.43}, {7, 5931.37},
            {8, 6531.08}, {9, 7219.8}, {10, 7867.61}, {11, 8278.71}, {12, 8646.7}, {13, 9047.84}, {14, 9426.55},
            {15, 9645.37}, {16, 9897.24}, {17, 10097.6}, {18, 10240.5}, {19, 10532.39}, {20, 10798.52},
            {21, 11151.43}, {22, 11518.63}, {23, 11806}, {24, 12089.37}, {25, 12075.41}, {26, 12177.29},
            {27, 12211.41}, {28, 12158.93}, {29, 12155.27}, {30, 12118.04}, {31, 12140.4}, {32, 12074.39}};

    /** The fitted values the book lists for that data. */
    private static final double BOOK_SIGMA = 0.02671591;
    private static final double BOOK_KAPPA = 7.690945E-4;
    private static final double BOOK_LAMBDA = 995.6486;

    private static double[] column(double[][] table, int column) {
        return IntStream.range(0, table.length).mapToDouble(i -> table[i][column]).toArray();
    }

    private static double usl(double n, double lambda, double sigma, double kappa) {
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    private static ScalingFit.Fitted fitted(ScalingFit fit) {
        return assertInstanceOf(ScalingFit.Fitted.class, fit, fit::toString);
    }

    private static void assertWithin(double expected, double actual, double relative) {
        assertEquals(expected, actual, Math.abs(expected) * relative, "expected " + expected + ", got " + actual);
    }

    @Test
    void reproducesThePublishedCiscoFitWithinATenthOfAPercent() {
        ScalingFit.Fitted fit = fitted(ScalingFitter.usl(column(CISCO, 0), column(CISCO, 1)));
        assertWithin(BOOK_SIGMA, fit.sigma(), 1e-3);
        assertWithin(BOOK_KAPPA, fit.kappa(), 1e-3);
        assertWithin(BOOK_LAMBDA, fit.lambda(), 1e-3);
        assertWithin(Math.sqrt((1 - BOOK_SIGMA) / BOOK_KAPPA), fit.peakWorkers(), 1e-3);
        assertTrue(fit.rSquared() > 0.99, "R² " + fit.rSquared());
    }

    @Test
    void recoversKnownParametersFromExactUslData() {
        double[] n = IntStream.rangeClosed(1, 32).asDoubleStream().toArray();
        double[] x = IntStream.range(0, n.length).mapToDouble(i -> usl(n[i], 1000, 0.05, 0.001)).toArray();
        ScalingFit.Fitted fit = fitted(ScalingFitter.usl(n, x));
        assertWithin(1000, fit.lambda(), 1e-6);
        assertWithin(0.05, fit.sigma(), 1e-6);
        assertWithin(0.001, fit.kappa(), 1e-6);
        assertWithin(1.0, fit.rSquared(), 1e-9);
    }

    @Test
    void recoversKnownParametersFromNoisyUslDataWithinTheirErrors() {
        Random random = new Random(7);
        double[] n = IntStream.rangeClosed(1, 32).asDoubleStream().toArray();
        double[] x = IntStream.range(0, n.length)
                .mapToDouble(i -> usl(n[i], 1000, 0.05, 0.001) * (1 + 0.01 * random.nextGaussian())).toArray();
        ScalingFit.Fitted fit = fitted(ScalingFitter.usl(n, x));
        assertEquals(1000, fit.lambda(), 4 * fit.lambdaError());
        assertEquals(0.05, fit.sigma(), 4 * fit.sigmaError());
        assertEquals(0.001, fit.kappa(), 4 * fit.kappaError());
        assertWithin(0.05, fit.sigma(), 0.2);
        assertTrue(fit.sigmaError() > 0 && fit.kappaError() > 0 && fit.lambdaError() > 0);
    }

    @Test
    void recoversAmdahlFromExactData() {
        double[] n = {1, 2, 4, 8, 16};
        double[] x = IntStream.range(0, n.length).mapToDouble(i -> usl(n[i], 500, 0.1, 0)).toArray();
        ScalingFit.Fitted fit = fitted(ScalingFitter.amdahl(n, x));
        assertWithin(500, fit.lambda(), 1e-6);
        assertWithin(0.1, fit.sigma(), 1e-6);
        assertEquals(0, fit.kappa());
        assertNull(fit.peakWorkers());
    }

    @Test
    void keepsSigmaAndKappaNonNegative() {
        // Better than linear scaling (a cache effect) would want a negative sigma: the fit stops at zero.
        double[] n = {1, 2, 3, 4, 5};
        double[] x = {100, 210, 330, 460, 600};
        ScalingFit.Fitted fit = fitted(ScalingFitter.usl(n, x));
        assertTrue(fit.sigma() >= 0 && fit.kappa() >= 0, fit.toString());
    }

    @Test
    void saysSoInsteadOfFittingTooFewPoints() {
        // Three points leave one residual degree of freedom for Amdahl and none for the USL: neither is shown.
        ScalingFit usl = ScalingFitter.usl(new double[] {1, 2, 4}, new double[] {1, 1.9, 3.5});
        ScalingFit.NotFitted not = assertInstanceOf(ScalingFit.NotFitted.class, usl);
        assertEquals("needs at least 5 worker counts (4 distinct) for 2 residual degrees of freedom, has 3 "
                + "(3 distinct)", not.reason());
        assertFalse(usl.describesData());
        assertInstanceOf(ScalingFit.NotFitted.class,
                ScalingFitter.amdahl(new double[] {1, 2, 4}, new double[] {1, 1.9, 3.5}));
        assertInstanceOf(ScalingFit.Fitted.class,
                ScalingFitter.amdahl(new double[] {1, 2, 3, 4}, new double[] {1, 1.9, 2.7, 3.5}));
        assertInstanceOf(ScalingFit.NotFitted.class,
                ScalingFitter.amdahl(new double[] {2, 2, 2, 2}, new double[] {1, 1, 1, 1}));
    }

    @Test
    void amdahlsSerialFractionStaysWithinZeroAndOne() {
        // Throughput that falls with workers would want sigma > 1 ("more serial than serial"): it stops at 1.
        double[] n = {1, 2, 3, 4, 5};
        double[] x = {100, 40, 30, 20, 15};
        ScalingFit.Fitted fit = fitted(ScalingFitter.amdahl(n, x));
        assertTrue(fit.sigma() >= 0 && fit.sigma() <= 1, fit.toString());
        assertFalse(fit.describesData(), "R² " + fit.rSquared() + " should not pass as describing the data");
    }

    @Test
    void parameterIntervalsUseTheResidualDegreesOfFreedom() {
        double[] n = {1, 2, 3, 4, 5, 6};
        double[] x = {100, 182, 247, 305, 350, 390};
        ScalingFit.Fitted fit = fitted(ScalingFitter.amdahl(n, x, 0.95));
        assertEquals(4, fit.residualDegrees());
        assertEquals(2.776, fit.criticalT(), 1e-3);
        assertEquals(fit.sigmaError() * 2.776, fit.halfWidth(fit.sigmaError()), 1e-3 * fit.sigmaError());
    }

    @Test
    void reportJsonSaysWhetherAFitWasMadeAndCarriesOnlyItsOwnFields() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String made = json.writeValueAsString(ScalingFitter.amdahl(new double[] {1, 2, 3, 4},
                new double[] {1, 1.9, 2.7, 3.5}));
        assertTrue(made.startsWith("{\"status\":\"fitted\",\"model\":\"amdahl\""), made);
        assertTrue(made.contains("\"sigma\":") && !made.contains("reason") && !made.contains("describesData"), made);
        String not = json.writeValueAsString(ScalingFitter.usl(new double[] {1, 2}, new double[] {1, 2}));
        assertTrue(not.startsWith("{\"status\":\"not fitted\",\"model\":\"usl\""), not);
        assertTrue(not.contains("\"reason\":") && !not.contains("sigma"), not);
    }
}
