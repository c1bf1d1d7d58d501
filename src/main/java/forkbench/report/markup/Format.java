package forkbench.report.markup;

import forkbench.configuration.ParameterValues;
import forkbench.statistics.Ratio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as a reader wants them: times in a fitting unit, ratios with their intervals, three significant digits. */
public final class Format {

    private Format() {
    }

    public static String time(double nanos) {
        double unit = timeUnit(nanos);
        return digits(nanos / unit) + " " + timeUnitName(unit);
    }

    /** The unit a time is written in, in nanoseconds: the largest of s, ms and µs it reaches, else ns. */
    private static double timeUnit(double nanos) {
        return nanos >= 1e9 ? 1e9 : nanos >= 1e6 ? 1e6 : nanos >= 1e3 ? 1e3 : 1;
    }

    private static String timeUnitName(double unit) {
        return unit == 1e9 ? "s" : unit == 1e6 ? "ms" : unit == 1e3 ? "µs" : "ns";
    }

    /** Memory in a fitting unit: {@code 38.2 MiB}, {@code 61.5 KiB}, {@code 0.95 KiB}. */
    public static String kib(double kibibytes) {
        return kibibytes >= 1024 ? digits(kibibytes / 1024) + " MiB" : digits(kibibytes) + " KiB";
    }

    /** A time with its interval half-width in the same unit: {@code 352 ± 4.8 ms}. */
    public static String time(double nanos, Double halfWidth) {
        if (halfWidth == null) {
            return time(nanos);
        }
        double unit = timeUnit(nanos);
        return digits(nanos / unit) + " ± " + digits(halfWidth / unit) + " " + timeUnitName(unit);
    }

    /** A time with its fork-level half-width, or {@code "(1 fork)"} where there can be none. */
    public static String time(double nanos, Double halfWidth, String noInterval) {
        return halfWidth == null && noInterval != null ? time(nanos) + " (1 fork)" : time(nanos, halfWidth);
    }

    public static String ratio(Ratio ratio) {
        if (ratio == null) {
            return "";
        }
        return times(ratio.value()) + "×" + interval(ratio)
                + (ratio.low() == null || Boolean.TRUE.equals(ratio.significant()) ? "" : " n.s.");
    }

    /** A ratio's interval as the tables show it, {@code " [0.98, 1.03]"}, or {@code " (no interval)"}. */
    public static String interval(Ratio ratio) {
        return ratio.low() == null || ratio.high() == null ? " (no interval)"
                : " [" + times(ratio.low()) + ", " + times(ratio.high()) + "]";
    }

    /**
     * Two decimals for everyday ratios (1.87), three significant digits for tiny and large ones (0.0026, 88.1, 372,
     * 153000): no ratio is known to more than that.
     */
    public static String times(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 0.1 && magnitude < 10) {
            return fixed(value, 2);
        }
        if (magnitude >= 1000) {
            double unit = Math.pow(10, Math.floor(Math.log10(magnitude)) - 2);
            return fixed(Math.round(value / unit) * unit, 0);
        }
        return digits(value);
    }

    public static String number(Double value, int decimals) {
        return value == null || !Double.isFinite(value) ? "" : fixed(value, decimals);
    }

    /** A number as a person writes it: three significant digits at most, and no trailing zeros (2, 1.5, 0.25). */
    public static String plain(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        return new BigDecimal(digits(value)).stripTrailingZeros().toPlainString();
    }

    /** Three significant digits, without exponent notation for everyday magnitudes. */
    public static String digits(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.floor(Math.log10(Math.abs(value)));
        return fixed(value, (int) Math.max(0, 2 - magnitude));
    }

    /**
     * {@code value} rounded to {@code decimals} places. Written out by hand: a report of 10,000 rows formats some
     * 100,000 numbers, and String.format or BigDecimal(double) made that a visible share of its run time.
     */
    public static String fixed(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        if (Math.abs(value) * scale >= 1e17) {
            return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        }
        long scaled = Math.round(Math.abs(value) * scale);
        StringBuilder text = new StringBuilder(Long.toString(scaled));
        while (text.length() <= decimals) {
            text.insert(0, '0');
        }
        if (decimals > 0) {
            text.insert(text.length() - decimals, '.');
        }
        return (value < 0 && scaled != 0 ? "-" : "") + text;
    }

    public static String scientific(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4g", value);
    }

    /** A confidence level as a percentage: {@code 95%}. */
    public static String percent(double confidence) {
        return fixed(100 * confidence, 0) + "%";
    }

    /** A fraction as a percentage with one decimal: {@code 3.7%}; empty for none. */
    public static String share(Double fraction) {
        return fraction == null || !Double.isFinite(fraction) ? "" : fixed(100 * fraction, 1) + "%";
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** A round size as a person reads it: 1000 as 10³, 2000000000 as 2·10⁹; anything else as written. */
    public static String powerOfTen(String size) {
        java.math.BigDecimal value = ParameterValues.number(size);
        if (value == null) {
            return size;
        }
        value = value.stripTrailingZeros();
        int exponent = -value.scale() + value.precision() - 1;
        if (value.signum() <= 0 || exponent < 3 || value.precision() > 2) {
            return size;
        }
        String mantissa = value.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        StringBuilder power = new StringBuilder("10");
        for (char digit : String.valueOf(exponent).toCharArray()) {
            power.append(SUPERSCRIPTS.charAt(digit - '0'));
        }
        return mantissa.equals("1") ? power.toString() : mantissa + "·" + power;
    }
}
