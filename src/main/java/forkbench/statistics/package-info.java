/**
 * The statistics every decision rests on, shared by the report, {@code compare} and the rounds: a {@link
 * forkbench.statistics.Sample} of fork means, a {@link forkbench.statistics.Ratio} of two with Fieller's interval,
 * and {@link forkbench.statistics.Statistics}' tests (Welch, Holm) and distributions. Nothing here knows JMH or
 * benchmarks: numbers in, numbers out.
 */
package forkbench.statistics;
