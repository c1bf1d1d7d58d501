package forkbench.profile;

import forkbench.process.ChildUsage;
import forkbench.process.UsageMeter;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.util.Collection;
import java.util.List;

/**
 * Allocation and garbage collection of every JVM a benchmark runs: the benchmark's own JVM and each child JVM it
 * starts, added up. JMH's own {@code -prof gc} sees only the first, so a process strategy looks as if it allocated
 * nothing; here a child reports its own figures with every answer ({@link ChildUsage}) and they are added to the
 * parent's. Use it as {@code -prof forkbench.profile.EveryJvmProfiler}; {@code -lprof} lists it.
 *
 * <p>Per iteration it reports, normalised by the iteration's operations: {@code fb.alloc.norm} (bytes allocated per
 * operation, all JVMs), {@code fb.alloc.children.norm} (of which by children), {@code fb.gc.count.norm} and
 * {@code fb.gc.time.norm} (collections and their time per operation, all JVMs), and {@code fb.gc.share} (that time
 * over the iteration's wall time: above 100% when several JVMs collect at once), and {@code fb.resident} (the
 * resident memory of all the JVMs: this one's at the iteration's end plus the most its live children held at once
 * during it, so cold children count while they live; Linux only, 0 elsewhere).
 */
public final class EveryJvmProfiler implements InternalProfiler {

    /** The metrics it reports, by the names report and compare read them under. */
    public static final String ALLOCATED = "fb.alloc.norm";
    public static final String CHILDREN_ALLOCATED = "fb.alloc.children.norm";
    public static final String COLLECTIONS = "fb.gc.count.norm";
    public static final String GC_TIME = "fb.gc.time.norm";
    public static final String GC_SHARE = "fb.gc.share";
    public static final String RESIDENT = "fb.resident";

    private UsageMeter meter;
    private UsageMeter.Reading ownBefore;
    private UsageMeter.Reading childrenBefore;
    private long wallBefore;

    /**
     * JMH creates every discovered profiler whenever it looks one up, chosen or not: nothing may happen here. Only
     * a chosen profiler has its iterations called, and the first of them comes before the trial's set-up, so the
     * children a benchmark starts there already report.
     */
    public EveryJvmProfiler() {
    }

    @Override
    public String getDescription() {
        return "forkbench: allocation and GC of the benchmark JVM and of every child JVM it starts, added up";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        ChildUsage.enable();
        if (meter == null) {
            meter = UsageMeter.ofThisJvm();
        }
        childrenBefore = ChildUsage.total();
        ChildUsage.takeResidentPeak();
        ownBefore = meter.read();
        wallBefore = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long wallNanos = System.nanoTime() - wallBefore;
        UsageMeter.Reading own = meter.read().since(ownBefore);
        UsageMeter.Reading children = ChildUsage.total().since(childrenBefore);
        long resident = UsageMeter.residentBytes() + ChildUsage.takeResidentPeak();
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0 || wallNanos <= 0) {
            return List.of();
        }
        UsageMeter.Reading all = own.plus(children);
        return List.of(
                new ScalarResult(ALLOCATED, (double) all.allocatedBytes() / ops, "B/op", AggregationPolicy.AVG),
                new ScalarResult(CHILDREN_ALLOCATED, (double) children.allocatedBytes() / ops, "B/op",
                        AggregationPolicy.AVG),
                new ScalarResult(COLLECTIONS, (double) all.collections() / ops, "counts/op",
                        AggregationPolicy.AVG),
                new ScalarResult(GC_TIME, (double) all.collectionMillis() / ops, "ms/op",
                        AggregationPolicy.AVG),
                new ScalarResult(GC_SHARE, 100.0 * all.collectionMillis() * 1e6 / wallNanos, "%",
                        AggregationPolicy.AVG),
                new ScalarResult(RESIDENT, resident, "B", AggregationPolicy.AVG));
    }
}
