package dev.newsroom.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the fuzz tests (the modules' {@code *FuzzTest} classes, docs/fuzzing.md) share: raw
 * fuzzer bytes read as text, split into parts, and the per-input time budget.
 *
 * <p>Inputs are plain bytes so a regression seed is a file anyone can write with
 * {@code printf}: UTF-8 text, parts separated by NUL. A first byte of 0xFF (never valid
 * UTF-8) switches to raw UTF-16 code units (big-endian pairs), which reaches what UTF-8
 * cannot carry: lone surrogates and other broken Java strings.
 */
public final class FuzzInput {
    /** An input that takes longer than this is a finding (a quadratic path, a backtracking regex). */
    public static final long BUDGET_MILLIS = 50;

    /** Slow runs (up to ten times the budget) are repeated so a first, still interpreted run is not a finding. */
    private static final int ATTEMPTS = 3;

    /**
     * Time is the calling thread's CPU time where the JVM measures it: other processes on a busy
     * build machine, JIT compiler and GC threads do not count against the input.
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    private FuzzInput() {}

    /** The whole input as one string. */
    public static String text(byte[] data) {
        if (data.length > 0 && data[0] == (byte) 0xFF) {
            char[] units = new char[(data.length - 1) / 2];
            for (int i = 0; i < units.length; i++) {
                units[i] = (char) (((data[1 + 2 * i] & 0xFF) << 8) | (data[2 + 2 * i] & 0xFF));
            }
            return new String(units);
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The input cut at each NUL byte (at least one part, possibly empty). */
    public static List<byte[]> parts(byte[] data) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == 0) {
                byte[] part = new byte[i - from];
                System.arraycopy(data, from, part, 0, part.length);
                parts.add(part);
                from = i + 1;
            }
        }
        return parts;
    }

    /**
     * Runs {@code work} and returns its result; fails when every one of a few runs takes more
     * than {@link #BUDGET_MILLIS}. Exceptions of {@code work} pass through unchanged (the fuzz
     * test decides which of them are documented answers).
     */
    public static <T> T resultWithinBudget(String what, Supplier<T> work) {
        return resultWithinBudget(what, BUDGET_MILLIS, work);
    }

    /**
     * As {@link #resultWithinBudget(String, Supplier)} with a budget of its own, for a target
     * that is more than a parser (e.g. a whole search over an index).
     */
    public static <T> T resultWithinBudget(String what, long budgetMillis, Supplier<T> work) {
        long best = Long.MAX_VALUE;
        T result = null;
        int runs = 0;
        while (runs < ATTEMPTS) {
            long start = now();
            result = work.get();
            runs++;
            best = Math.min(best, (now() - start) / 1_000_000);
            // within the budget, or so far over it that it is no noise: no point in repeating
            if (best <= budgetMillis || best >= 10 * budgetMillis) {
                break;
            }
        }
        if (best > budgetMillis) {
            throw new AssertionError(
                    what
                            + " took "
                            + best
                            + " ms"
                            + (CPU_TIME ? " of CPU" : "")
                            + " (budget "
                            + budgetMillis
                            + " ms), best of "
                            + runs
                            + " run(s)");
        }
        return result;
    }

    private static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * Runs {@code work} {@code times} times untimed, so the JIT has compiled the target's code
     * before the first timed input (a fuzz test's seeds run first, in a fresh JVM).
     */
    public static void warmUp(int times, Runnable work) {
        for (int i = 0; i < times; i++) {
            work.run();
        }
    }

    /** {@link #resultWithinBudget(String, Supplier)} for work without a result. */
    public static void withinBudget(String what, Runnable work) {
        withinBudget(what, BUDGET_MILLIS, work);
    }

    /** {@link #resultWithinBudget(String, long, Supplier)} for work without a result. */
    public static void withinBudget(String what, long budgetMillis, Runnable work) {
        resultWithinBudget(
                what,
                budgetMillis,
                () -> {
                    work.run();
                    return null;
                });
    }
}
