package forkbench.statistics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioTest {

    @Test
    void sampleSummaryByHand() {
        Sample sample = Sample.of(new double[] {9, 10, 11});
        assertEquals(10, sample.mean(), 1e-12);
        assertEquals(1, sample.standardDeviation(), 1e-12);
        assertEquals(1 / Math.sqrt(3), sample.standardError(), 1e-12);
        assertEquals(0.1, sample.variation(), 1e-12);
        // t(0.975, 2) = 4.302653: the 95% half-width of a 3-sample mean.
        assertEquals(4.302653 / Math.sqrt(3), sample.halfWidth(0.95), 1e-6);
    }

    /**
     * a = {9, 10, 11}, b = {4.5, 5, 5.5}: q = 2, v11 = 1/3, v22 = 1/12, q²·v22 = v11, so the Welch-Satterthwaite
     * degrees of freedom are exactly 4 and t = 2.776445. g = t²·v22/b² = 0.0256955, and Fieller's limits
     * [q ± (t/b)·sqrt(v11(1-g) + q²v22)] / (1-g) are 1.590396 and 2.515096.
     */
    @Test
    void fiellerIntervalByHand() {
        Ratio ratio = Ratio.of(Sample.of(new double[] {9, 10, 11}), Sample.of(new double[] {4.5, 5, 5.5}), 0.95);
        assertEquals(2.0, ratio.value(), 1e-12);
        assertEquals(1.590396, ratio.low(), 1e-6);
        assertEquals(2.515096, ratio.high(), 1e-6);
        assertTrue(ratio.significant());
    }

    @Test
    void anIntervalThatContainsOneIsNotSignificant() {
        Ratio ratio = Ratio.of(Sample.of(new double[] {9, 10, 11}), Sample.of(new double[] {9.5, 10, 10.5}), 0.95);
        assertEquals(1.0, ratio.value(), 1e-12);
        assertTrue(ratio.low() < 1 && ratio.high() > 1);
        assertFalse(ratio.significant());
    }

    @Test
    void noIntervalFromASingleSampleOrAnUncertainDenominator() {
        Ratio single = Ratio.of(Sample.of(new double[] {10}), Sample.of(new double[] {4.9, 5.1}), 0.95);
        assertEquals(2.0, single.value(), 1e-12);
        assertNull(single.low());
        assertNull(single.significant());
        // A denominator whose interval spans zero makes Fieller's interval unbounded.
        Ratio unbounded = Ratio.of(Sample.of(new double[] {9, 10, 11}), Sample.of(new double[] {0.1, 5, 10}), 0.95);
        assertNull(unbounded.low());
    }

    @Test
    void significanceIsReadOffTheIntervalAndTurningARatioOverTurnsItsInterval() {
        Ratio slower = Ratio.of(2.0, 1.5, 2.5);
        assertTrue(slower.significant());
        assertFalse(Ratio.of(1.0, 0.9, 1.1).significant());
        assertNull(Ratio.withoutInterval(3.0).significant());
        Ratio faster = slower.inverse();
        assertEquals(0.5, faster.value(), 1e-12);
        assertEquals(0.4, faster.low(), 1e-12);
        assertEquals(1 / 1.5, faster.high(), 1e-12);
        assertTrue(faster.significant());
        // An interval reaching 0 turns over into one unbounded above: no upper end to show, still significant.
        Ratio unbounded = Ratio.of(0.5, 0.0, 0.8).inverse();
        assertNull(unbounded.high());
        assertEquals(1.25, unbounded.low(), 1e-12);
        assertTrue(unbounded.significant());
    }
}
