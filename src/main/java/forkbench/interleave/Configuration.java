package forkbench.interleave;

import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark method at one value of each of its parameters: the unit an interleaved run schedules.
 *
 * @param benchmark the fully qualified benchmark method name
 * @param params    one value per parameter, by name
 */
public record Configuration(String benchmark, Map<String, String> params) {

    public Configuration {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** {@code threadPool n=2e9 workers=2}: the method name and the parameters, as progress lines show it. */
    public String label() {
        StringBuilder label = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.') + 1));
        params.forEach((name, value) -> label.append(' ').append(name).append('=').append(value));
        return label.toString();
    }
}
