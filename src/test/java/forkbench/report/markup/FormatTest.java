package forkbench.report.markup;

import forkbench.statistics.Ratio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {

    @Test
    void fixedRoundsLikeAPersonWould() {
        assertEquals("1.00", Format.fixed(0.999, 2));
        assertEquals("0.05", Format.fixed(0.0499, 2));
        assertEquals("-0.13", Format.fixed(-0.125, 2));
        assertEquals("0.00", Format.fixed(-0.001, 2));
        assertEquals("12", Format.fixed(12.3, 0));
        assertEquals("1000000000000000000.00", Format.fixed(1e18, 2));
    }

    @Test
    void timesPickAUnitAndKeepThreeDigits() {
        assertEquals("316 ns", Format.time(315.9));
        assertEquals("3.46 ms", Format.time(3_460_802));
        assertEquals("662 ± 11.3 ms", Format.time(662_413_910, 11_300_000.0));
        assertEquals("1.50 s", Format.time(1.5e9));
    }

    @Test
    void ratiosShowTheirIntervalAndSignificance() {
        assertEquals("1.96× [1.90, 2.02]", Format.ratio(Ratio.of(1.9612, 1.9, 2.02)));
        assertEquals("1.00× [0.98, 1.02] n.s.", Format.ratio(Ratio.of(1.0, 0.98, 1.02)));
        assertEquals("0.00260× (no interval)", Format.ratio(Ratio.withoutInterval(0.0026)));
    }

    @Test
    void roundSizesReadAsPowersOfTen() {
        assertEquals("10³", Format.powerOfTen("1000"));
        assertEquals("10⁶", Format.powerOfTen("1e6"));
        assertEquals("2·10⁹", Format.powerOfTen("2_000_000_000"));
        assertEquals("4·10⁶", Format.powerOfTen("4000000"));
        assertEquals("2.5·10¹⁰", Format.powerOfTen("25000000000"));
        assertEquals("12345", Format.powerOfTen("12345"), "not round: as written");
        assertEquals("500", Format.powerOfTen("500"), "small: as written");
        assertEquals("big", Format.powerOfTen("big"));
    }
}
