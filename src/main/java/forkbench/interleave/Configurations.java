package forkbench.interleave;

import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.Options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configurations a JMH run would measure: each selected benchmark times its parameter combinations. */
final class Configurations {

    private Configurations() {
    }

    /**
     * Every combination of parameter values, per benchmark: the values given with {@code -p} where there are any,
     * else the benchmark's own {@code @Param} defaults. A parameter with neither (an enum JMH fills in itself) is
     * left for JMH to expand inside the configuration's run.
     */
    public static List<Configuration> expand(Collection<BenchmarkListEntry> entries, Options options) {
        List<Configuration> configurations = new ArrayList<>();
        for (BenchmarkListEntry entry : entries) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (entry.getParams().hasValue()) {
                entry.getParams().get().forEach((name, defaults) -> {
                    List<String> chosen = options.getParameter(name).hasValue()
                            ? List.copyOf(options.getParameter(name).get()) : List.of(defaults);
                    if (!chosen.isEmpty()) {
                        values.put(name, chosen);
                    }
                });
            }
            String benchmark = entry.getUsername();
            if (configurations.stream().noneMatch(c -> c.benchmark().equals(benchmark))) {
                product(benchmark, new ArrayList<>(values.entrySet()), 0, new LinkedHashMap<>(), configurations);
            }
        }
        return List.copyOf(configurations);
    }

    private static void product(String benchmark, List<Map.Entry<String, List<String>>> values, int next,
                                Map<String, String> chosen, List<Configuration> out) {
        if (next == values.size()) {
            out.add(new Configuration(benchmark, chosen));
            return;
        }
        Map.Entry<String, List<String>> parameter = values.get(next);
        for (String value : parameter.getValue()) {
            chosen.put(parameter.getKey(), value);
            product(benchmark, values, next + 1, chosen, out);
        }
        chosen.remove(parameter.getKey());
    }
}
