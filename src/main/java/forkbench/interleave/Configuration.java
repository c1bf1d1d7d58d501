package forkbench.interleave;

import forkbench.configuration.ConfigurationKey;

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

    /** {@code threadPool kernel=sum n=2e9 workers=2}: the method name and the parameters, as progress lines show it. */
    public String label() {
        return ConfigurationKey.fromParams(benchmark.substring(benchmark.lastIndexOf('.') + 1), params).toString();
    }
}
