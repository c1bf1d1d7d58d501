package forkbench.configuration;

import forkbench.interleave.Configuration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationKeyTest {

    private static final List<String> KNOWN = List.of("sequential", "platformThreads", "processPool");

    @Test
    void sizesOrderAsNumbersHoweverTheyAreWritten() {
        List<String> sizes = new ArrayList<>(List.of("10000000000", "2e9", "1_000", "abc", "1000000"));
        sizes.sort(ParameterValues::compare);
        assertEquals(List.of("1_000", "1000000", "2e9", "10000000000", "abc"), sizes);
        assertEquals(0, ParameterValues.compare("1e6", "1000000"));
        assertNull(ParameterValues.number("sum"));
        assertEquals(2_000_000_000L, ParameterValues.number("2e9").longValueExact());
    }

    @Test
    void oneOrderForEveryUserFirstTheBaselineThenTheKnownStrategiesThenTheRest() {
        List<ConfigurationKey> keys = new ArrayList<>(List.of(
                key("zeta", "1000", 1), key("processPool", "1000", 2), key("processPool", "1000", 1),
                key("platformThreads", "2e9", 1), key("platformThreads", "1000", 1), key("alpha", "1000", 1),
                key("sequential", "1000", 1)));
        keys.sort(ConfigurationKey.order("sequential", KNOWN));
        assertEquals(List.of("sequential kernel=sum n=1000 workers=1", "platformThreads kernel=sum n=1000 workers=1",
                "platformThreads kernel=sum n=2e9 workers=1", "processPool kernel=sum n=1000 workers=1",
                "processPool kernel=sum n=1000 workers=2", "alpha kernel=sum n=1000 workers=1",
                "zeta kernel=sum n=1000 workers=1"), keys.stream().map(ConfigurationKey::toString).toList());
    }

    @Test
    void aSortedMapMatchesTheSameSizeWrittenTwoWays() {
        TreeMap<ConfigurationKey, String> map = new TreeMap<>(ConfigurationKey.order("", KNOWN));
        map.put(key("processPool", "1e6", 2), "base");
        assertEquals("base", map.get(key("processPool", "1000000", 2)));
    }

    @Test
    void theInterleavedRunnerPrintsAConfigurationAsTheReportAndCompareDo() {
        Configuration scheduled = new Configuration("forkbench.benchmarks.StrategyBenchmark.threadPool",
                Map.of("workers", "2", "n", "2e9", "kernel", "sum"));
        ConfigurationKey measured = new ConfigurationKey("vm", "threadPool", Map.of("n", "2e9", "kernel", "sum"), 2);
        assertEquals("threadPool kernel=sum n=2e9 workers=2", scheduled.label());
        assertEquals(measured.toString(), scheduled.label());
        assertEquals(measured.toString(), ConfigurationKey.fromParams("threadPool",
                Map.of("workers", "2", "n", "2e9", "kernel", "sum")).toString());
    }

    @Test
    void aWorkersParameterThatIsNoCountStaysAParameter() {
        ConfigurationKey key = ConfigurationKey.fromParams("custom", Map.of("workers", "many"));
        assertEquals(ConfigurationKey.ANY_WORKERS, key.workers());
        assertEquals("custom workers=many", key.toString());
        assertTrue(ConfigurationKey.fromParams("helloWorld", Map.of()).toString().equals("helloWorld"));
    }

    @Test
    void aJobAndAStrategyAcrossWorkerCountsAreKeysToo() {
        ConfigurationKey row = key("processPool", "1000", 2);
        assertEquals("processPool kernel=sum n=1000", row.acrossWorkers().toString());
        assertEquals("processPool kernel=sum", row.acrossWorkers().without("n").toString());
        assertEquals(ConfigurationKey.job("vm", row.params()), row.withLabel("").acrossWorkers());
    }

    private static ConfigurationKey key(String label, String n, int workers) {
        return new ConfigurationKey("vm", label, Map.of("kernel", "sum", "n", n), workers);
    }
}
