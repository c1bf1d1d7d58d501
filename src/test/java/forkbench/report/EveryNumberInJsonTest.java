package forkbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compute once, write many: every number in a report's tables is in its report.json, as the model computed it —
 * walked over every report committed under results/. A number a view computed on its own (a ratio, a throughput,
 * a share) has nothing in report.json to be read from, and fails here.
 */
class EveryNumberInJsonTest {

    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    /** A number as the tables write one: 11.3, 1,150, 0.0272, 1.2e-05; not a digit inside a word or a power. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.⁰¹²³⁴⁵⁶⁷⁸⁹])\\d[\\d,]*(?:\\.\\d+)?(?:e[-+]?\\d+)?");
    /** The units a table shows a model's number in: ns, µs, ms, s; B, KiB, MiB, GiB; a fraction as a percent. */
    private static final double[] SCALES = {1, 1e-3, 1e-6, 1e-9, 1.0 / 1024, 1.0 / (1 << 20), 1.0 / (1 << 30), 100,
            1e6, 1e3};

    @Test
    void everyNumberInEveryCommittedReportsTablesIsInItsReportJson() throws IOException {
        List<Path> reports;
        try (Stream<Path> files = Files.walk(Path.of("results"))) {
            reports = files.filter(f -> f.getFileName().toString().equals("report.html")
                    && Files.isRegularFile(f.resolveSibling("report.json"))).sorted().toList();
        }
        assertTrue(reports.size() >= 10, "too few committed reports to walk: " + reports);
        List<String> missing = new ArrayList<>();
        for (Path html : reports) {
            JsonNode json = new ObjectMapper().readTree(html.resolveSibling("report.json").toFile());
            double[] known = candidates(json);
            java.util.Set<String> whole = new java.util.HashSet<>();
            json.findValues("seed").forEach(seed -> whole.add(seed.asText().replace("-", "")));
            Matcher cell = CELL.matcher(Files.readString(html));
            while (cell.find()) {
                // Entities (&#39;) are markup, not numbers.
                Matcher number = NUMBER.matcher(cell.group(1).replaceAll("&#?\\w+;", " "));
                while (number.find()) {
                    String shown = number.group();
                    // A seed is a 64-bit whole number, which a double cannot hold exactly.
                    if (!whole.contains(shown) && !present(shown, known)) {
                        missing.add(html + ": " + shown + " in '" + cell.group(1) + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), missing.stream().limit(40).toList(), missing.size() + " numbers not in report.json");
    }

    /** Every number in the JSON (numbers in its strings too, such as parameter values), in every unit, sorted. */
    private static double[] candidates(JsonNode root) {
        List<Double> values = new ArrayList<>();
        collect(root, values);
        double[] all = new double[values.size() * SCALES.length];
        int i = 0;
        for (double value : values) {
            for (double scale : SCALES) {
                all[i++] = value * scale;
            }
        }
        Arrays.sort(all);
        return all;
    }

    private static void collect(JsonNode node, List<Double> values) {
        if (node.isNumber()) {
            values.add(node.asDouble());
        } else if (node.isTextual()) {
            Matcher number = Pattern.compile("\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?").matcher(node.asText());
            while (number.find()) {
                values.add(Double.parseDouble(number.group()));
            }
        }
        node.forEach(child -> collect(child, values));
    }

    /** Whether some known value rounds to what the table shows, at the precision it shows it with. */
    private static boolean present(String shown, double[] known) {
        String plain = shown.replace(",", "");
        BigDecimal value = new BigDecimal(plain);
        // 1.82 is good to ±0.005; 145000 (three significant digits) to ±500; 340 to ±0.5.
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = plain.contains(".") || plain.contains("e") ? value.scale() : Math.min(0, stripped.scale());
        double tolerance = 0.5 * Math.pow(10, -scale) * 1.0001 + Math.abs(value.doubleValue()) * 1e-9;
        int at = Arrays.binarySearch(known, value.doubleValue() - tolerance);
        int from = at >= 0 ? at : -at - 1;
        return from < known.length && known[from] <= value.doubleValue() + tolerance;
    }
}
