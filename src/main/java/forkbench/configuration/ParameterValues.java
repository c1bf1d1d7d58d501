package forkbench.configuration;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * JMH parameter values are text; where they are numbers (sizes such as {@code 2e9}, {@code 2_000_000_000}) they are
 * read, ordered and matched as numbers, the same way everywhere.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /** The value as a number (underscores and scientific notation allowed), or {@code null} when it is not one. */
    public static BigDecimal number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Numbers in numeric order (so 1000 < 2e9 < 10000000000), anything else alphabetically. */
    public static int compare(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return Objects.compare(a, b, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    /** Parameter names first, then each value by {@link #compare}: one order for every set of parameters. */
    public static int compare(Map<String, String> a, Map<String, String> b) {
        int order = String.join(",", a.keySet()).compareTo(String.join(",", b.keySet()));
        if (order != 0) {
            return order;
        }
        for (String name : a.keySet()) {
            order = compare(a.get(name), b.get(name));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** {@code kernel=sum n=2e9}: each parameter as {@code name=value}, in the map's order. */
    public static String describe(Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        params.forEach((name, value) -> text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value));
        return text.toString();
    }
}
