package forkbench.cli;

import forkbench.configuration.ConfigurationKey;
import forkbench.process.JvmMemory;
import forkbench.strategy.Params;
import forkbench.strategy.Strategies;
import forkbench.workload.Kernels;
import forkbench.workload.data.DataJob;
import forkbench.workload.data.DataKernels;
import forkbench.workload.data.DataSetupException;
import forkbench.workload.data.Transport;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The benchmark command's checks of what it was asked, before any fork starts: parameter names and values, kernels
 * that load, heaps and collectors that run, data that fits where its transport keeps it. Each problem is a
 * {@link UsageException}: one line, exit 2, instead of a stack trace in every fork.
 */
final class ParameterChecks {

    private ParameterChecks() {
    }

    /** Fails on a value or a parameter name that would otherwise surface as a stack trace inside a fork. */
    static void checkParameters(String[] args, CommandLineOptions cli) throws UsageException {
        TreeSet<String> known = knownParameters(cli);
        for (String name : parameterNames(args)) {
            if (!known.contains(name)) {
                throw new UsageException("unknown parameter -p " + name + "; the selected benchmarks take " + known);
            }
        }
        check(cli, "n", Params::parseN);
        check(cli, ConfigurationKey.WORKERS, Params::parseWorkers);
        // Loads each named kernel here, so a typo or a class missing from the class path is one line, not a fork's
        // stack trace; the children load it the same way.
        check(cli, "kernel", Kernels::byName);
        check(cli, "dataKernel", DataKernels::byName);
        check(cli, "transport", Transport::parse);
        check(cli, HEAP, heap -> JvmMemory.of(heap, null));
        check(cli, GC, gc -> JvmMemory.of(null, gc));
        checkMemory(cli);
        if (cli.getParameter("kernel").hasValue()
                && cli.getParameter("kernel").get().stream().anyMatch(kernel -> !isSum(kernel))
                && selected(cli.getIncludes(), cli.getExcludes()).stream().anyMatch(ParameterChecks::isNodeFork)) {
            throw new UsageException(Strategies.NODE_FORK + " runs the seed's summation only (kernel=sum): leave "
                    + BenchmarkCommand.NODE_FORK_BENCHMARK + " out of a run of other kernels");
        }
        checkDataRoom(cli);
    }

    /**
     * A data job must fit where its transport keeps it: checked here for each size, kernel, transport and heap asked
     * for, against the forks' own heap (their -Xmx, not this JVM's), so that a size past the heap or the shared
     * folder is one line, not a stack trace in every fork (which checks again).
     */
    private static void checkDataRoom(CommandLineOptions cli) throws UsageException {
        if (!cli.getParameter("n").hasValue() || selected(cli.getIncludes(), cli.getExcludes()).stream()
                .noneMatch(entry -> entry.getUsername().contains("." + BenchmarkCommand.DATA_BENCHMARK + "."))) {
            return;
        }
        Collection<String> transports = cli.getParameter("transport").hasValue()
                ? cli.getParameter("transport").get() : java.util.Arrays.stream(Transport.values())
                .map(Transport::id).toList();
        Collection<String> kernels = cli.getParameter("dataKernel").orElse(DataKernels.BUILT_IN);
        Collection<String> heaps = cli.getParameter(HEAP).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        for (String n : cli.getParameter("n").get()) {
            for (String transport : transports) {
                for (String kernel : kernels) {
                    for (String heap : heaps) {
                        try {
                            DataJob.checkRoom(kernel, Params.parseN(n), Transport.parse(transport), forkHeap(cli,
                                    heap));
                        } catch (DataSetupException e) {
                            throw new UsageException("-p n=" + n + " with transport=" + transport + " and "
                                    + "dataKernel=" + kernel + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
    }

    /**
     * The maximum heap of a fork: JMH starts it with -jvmArgsPrepend, then -jvmArgs (by default this JVM's own
     * flags), then -jvmArgsAppend, then a configuration's heap; without any -Xmx, the JVM's ergonomic default.
     */
    private static long forkHeap(CommandLineOptions cli, String heap) {
        List<String> own = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> flags = new ArrayList<>(cli.getJvmArgsPrepend().orElse(List.of()));
        flags.addAll(cli.getJvmArgs().orElse(own));
        flags.addAll(cli.getJvmArgsAppend().orElse(List.of()));
        flags.addAll(JvmMemory.of(heap, null).benchmarkJvmFlags());
        boolean sameAsThisJvm = !cli.getJvmArgs().hasValue() && own.stream().noneMatch(f -> f.startsWith("-Xmx"));
        long ergonomic = sameAsThisJvm ? Runtime.getRuntime().maxMemory()
                : ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 4;
        return JvmMemory.maxHeap(flags, ergonomic);
    }

    /**
     * Every heap and collector asked for must run: a heap whose share per child is too small at the most workers
     * asked for, or a collector this JDK does not offer, is one line before any fork.
     */
    private static void checkMemory(CommandLineOptions cli) throws UsageException {
        Collection<String> heaps = cli.getParameter(HEAP).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        Collection<String> collectors = cli.getParameter(GC).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        // JMH's own Optional, which has no map.
        var asked = cli.getParameter(ConfigurationKey.WORKERS);
        int workers = asked.hasValue() ? asked.get().stream()
                .mapToInt(Params::parseWorkers).max().orElse(1) : Runtime.getRuntime().availableProcessors();
        String java = cli.getJvm().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String heap : heaps) {
            for (String gc : collectors) {
                try {
                    JvmMemory.of(heap, gc).check(workers, java);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
    }

    /**
     * Under JMH's own forks one run starts every fork with the same flags: a heap or a collector can apply to the
     * whole run, but several of them need rounds, which start each configuration's fork with its own.
     */
    static void memoryOfOneRun(CommandLineOptions cli, ChainedOptionsBuilder options) throws UsageException {
        Collection<String> heaps = cli.getParameter(HEAP).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        Collection<String> collectors = cli.getParameter(GC).orElse(List.of(JvmMemory.DEFAULT_VALUE));
        if (heaps.size() > 1 || collectors.size() > 1) {
            throw new UsageException("several values of -p " + HEAP + " or -p " + GC + " need rounds, which start "
                    + "each configuration's JVM with its own flags: leave out -f");
        }
        List<String> flags = JvmMemory.of(heaps.iterator().next(), collectors.iterator().next()).benchmarkJvmFlags();
        if (!flags.isEmpty()) {
            List<String> append = new ArrayList<>(cli.getJvmArgsAppend().orElse(List.of()));
            append.addAll(flags);
            options.jvmArgsAppend(append.toArray(String[]::new));
        }
    }

    private static boolean isSum(String kernel) {
        return Kernels.byName(kernel) instanceof forkbench.workload.Summation;
    }

    private static void check(CommandLineOptions cli, String name, Consumer<String> parser) throws UsageException {
        if (!cli.getParameter(name).hasValue()) {
            return;
        }
        for (String value : cli.getParameter(name).get()) {
            try {
                parser.accept(value);
            } catch (IllegalArgumentException e) {
                throw new UsageException("-p " + name + "=" + value + ": " + e.getMessage());
            }
        }
    }

    /** The names given with {@code -p name=values}; JMH's parser keeps values by name but cannot list the names. */
    private static List<String> parameterNames(String[] args) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-p")) {
                String assignment = args[i + 1];
                int equals = assignment.indexOf('=');
                names.add(equals < 0 ? assignment : assignment.substring(0, equals));
            }
        }
        return names;
    }

    static TreeSet<String> knownParameters(CommandLineOptions cli) throws UsageException {
        TreeSet<String> known = new TreeSet<>();
        Collection<BenchmarkListEntry> entries = selected(cli.getIncludes(), cli.getExcludes());
        for (BenchmarkListEntry entry : entries) {
            if (entry.getParams().hasValue()) {
                known.addAll(entry.getParams().get().keySet());
            }
        }
        return known;
    }

    static boolean isNodeFork(BenchmarkListEntry entry) {
        return entry.getUsername().endsWith("." + BenchmarkCommand.NODE_FORK_BENCHMARK + "." + Strategies.NODE_FORK);
    }

    static Collection<BenchmarkListEntry> selected(List<String> includes, List<String> excludes)
            throws UsageException {
        Collection<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                includes.isEmpty() ? List.of(BenchmarkCommand.DEFAULT_INCLUDE) : includes, excludes);
        if (entries.isEmpty()) {
            throw new UsageException("no benchmark matches " + String.join(" ", includes) + "; -l lists them");
        }
        return entries;
    }

    /** The parameters that set the memory of a job's JVMs ({@link JvmMemory}). */
    private static final String HEAP = "heap";

    private static final String GC = "gc";
}
