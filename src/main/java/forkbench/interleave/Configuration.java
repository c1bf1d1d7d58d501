package forkbench.interleave;

import forkbench.configuration.ConfigurationKey;
import forkbench.process.JvmMemory;

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

    /**
     * {@code threadPool kernel=sum n=2e9 workers=2}: the method name and the parameters, as progress lines and the
     * rounds' recorded order show it; a heap or collector left at its default is left out, as the report leaves it
     * out, so labels read as they did before those parameters existed.
     */
    public String label() {
        Map<String, String> shown = new TreeMap<>(params);
        shown.entrySet().removeIf(p -> (p.getKey().equals("heap") || p.getKey().equals("gc"))
                && p.getValue().equals(JvmMemory.DEFAULT_VALUE));
        return ConfigurationKey.fromParams(benchmark.substring(benchmark.lastIndexOf('.') + 1), shown).toString();
    }

    /** What it is measured on, whatever the strategy and its workers: every parameter but the workers. */
    public Map<String, String> job() {
        Map<String, String> job = new TreeMap<>(params);
        job.remove(ConfigurationKey.WORKERS);
        return java.util.Collections.unmodifiableMap(job);
    }
}
