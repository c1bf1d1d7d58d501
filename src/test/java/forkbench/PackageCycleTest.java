package forkbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No import cycle between packages, at either level: between packages ({@code forkbench.report.model} and
 * {@code forkbench.report.export}), and between the top-level capabilities ({@code forkbench.report} and
 * {@code forkbench.compare}). A small scan of the sources' imports, so it needs no library.
 */
class PackageCycleTest {

    private static final Pattern PACKAGE = Pattern.compile("^package (forkbench[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(forkbench(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(forkbench(?:\\.[a-z]\\w*)+)\\.[A-Z]\\w*");

    @Test
    void packagesDependOnEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> packages = dependencies(false);
        assertTrue(packages.size() > 10, "the scan found too few packages: " + packages.keySet());
        assertEquals(List.of(), cycles(packages), "package cycles");
    }

    @Test
    void topLevelCapabilitiesDependOnEachOtherWithoutCycles() throws IOException {
        assertEquals(List.of(), cycles(dependencies(true)), "cycles between top-level packages");
    }

    /** Each package's forkbench packages it imports (or names fully qualified); top-level only if asked. */
    private static Map<String, Set<String>> dependencies(boolean topLevel) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher own = PACKAGE.matcher(source);
                if (!own.find()) {
                    continue;
                }
                String from = level(own.group(1), topLevel);
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                for (Pattern pattern : List.of(IMPORT, QUALIFIED)) {
                    Matcher imported = pattern.matcher(source);
                    while (imported.find()) {
                        String target = level(imported.group(1), topLevel);
                        if (!target.equals(from)) {
                            to.add(target);
                        }
                    }
                }
            }
        }
        return graph;
    }

    private static String level(String name, boolean topLevel) {
        if (!topLevel) {
            return name;
        }
        String[] parts = name.split("\\.");
        return parts.length < 2 ? name : parts[0] + "." + parts[1];
    }

    /** Every cycle found by a depth-first search, each as the path that closes it. */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            visit(start, graph, new ArrayList<>(), done, found);
        }
        return found;
    }

    private static void visit(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done,
                              List<String> found) {
        int at = path.indexOf(node);
        if (at >= 0) {
            found.add(String.join(" -> ", path.subList(at, path.size())) + " -> " + node);
            return;
        }
        if (done.contains(node)) {
            return;
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            visit(next, graph, path, done, found);
        }
        path.remove(path.size() - 1);
        done.add(node);
    }
}
