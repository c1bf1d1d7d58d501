package forkbench.workload;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which jobs of a series meet a fault, and where: every {@code every}-th job ({@code every} > 0), or each job with
 * probability {@code rate} drawn from {@code seed}. A faulted job's fault sits at the first index of one of its
 * {@code workers} parts, that part chosen from {@code seed} and the job's number, so it fires as a part begins and
 * the work lost with it is the fault's own, not the chance of where it fell. The same plan gives every strategy the
 * same faults.
 *
 * @param tokens the folder of once-only tokens, one file per job; {@code null} for faults that fire every time
 */
public record FaultPlan(Fault fault, long every, double rate, long seed, Path tokens) {

    public FaultPlan {
        if (every < 0 || (every == 0) == (rate == 0)) {
            throw new IllegalArgumentException("a fault plan needs either every K-th job (K >= 1) or a rate, "
                    + "not both; got every=" + every + ", rate=" + rate);
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a fault rate is between 0 and 1, got " + rate);
        }
    }

    /** The 1st, 2nd... K-th job is job 0, 1... K-1: the K-th, 2K-th... jobs are faulted. */
    public static FaultPlan everyKth(Fault fault, long every, long seed, Path tokens) {
        return new FaultPlan(fault, every, 0, seed, tokens);
    }

    public static FaultPlan atRate(Fault fault, double rate, long seed, Path tokens) {
        return new FaultPlan(fault, 0, rate, seed, tokens);
    }

    public boolean faults(long job) {
        if (every > 0) {
            return (job + 1) % every == 0;
        }
        return random(job).nextDouble() < rate;
    }

    /**
     * The kernel job number {@code job} runs: {@code inner} itself, or {@code inner} with the fault at the start of
     * one of its non-empty parts. A job with no elements cannot meet a fault.
     */
    public Kernel kernelFor(long job, Kernel inner, long n, int workers) {
        if (!faults(job) || n == 0) {
            return inner;
        }
        List<Range> parts = Range.split(n, workers).stream().filter(part -> part.size() > 0).toList();
        Range part = parts.get(random(job ^ 0x5DEECE66DL).nextInt(parts.size()));
        return new FaultKernel(fault, part.from(), tokenOf(job), inner);
    }

    /** The file that fires job {@code job}'s fault once, or {@code null} when faults fire every time. */
    public Path tokenOf(long job) {
        return tokens == null ? null : tokens.resolve("job-" + job);
    }

    private SplittableRandom random(long job) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + job);
    }
}
