package ma.essp.diag.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** Median wall time over a few runs and the peak heap seen during them. */
public record Measurement(Duration median, long peakHeapBytes, int runs) {

    /** Blackhole: results are kept here so the JIT cannot drop the measured work. */
    private static volatile Object sink;

    /**
     * Ours and the baseline measured in alternation (warm-ups too: ours, baseline, ours, baseline…), so that neither
     * side gets the JIT warmed up by the other's earlier runs nor a quieter stretch of a busy machine. Before each run
     * the heap is collected and its peak reset; each side keeps the highest peak of its own runs.
     *
     * @return {ours, baseline}
     */
    public static Measurement[] alternating(int warmups, int runs, Callable<?> ours, Callable<?> baseline) throws Exception {
        for (int i = 0; i < warmups; i++) {
            sink = ours.call();
            sink = baseline.call();
        }
        List<MemoryPoolMXBean> heap = heapPools();
        long[][] nanos = new long[2][runs];
        long[] peaks = new long[2];
        Callable<?>[] sides = {ours, baseline};
        for (int i = 0; i < runs; i++) {
            for (int side = 0; side < 2; side++) {
                System.gc();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                sink = sides[side].call();
                nanos[side][i] = System.nanoTime() - start;
                peaks[side] = Math.max(peaks[side], heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            }
        }
        Measurement[] result = new Measurement[2];
        for (int side = 0; side < 2; side++) {
            Arrays.sort(nanos[side]);
            result[side] = new Measurement(Duration.ofNanos(nanos[side][runs / 2]), peaks[side], runs);
        }
        return result;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    public static Measurement of(int warmups, int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            sink = work.call();
        }
        List<MemoryPoolMXBean> heap = heapPools();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = work.call();
            nanos[i] = System.nanoTime() - start;
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Arrays.sort(nanos);
        return new Measurement(Duration.ofNanos(nanos[runs / 2]), peak, runs);
    }
}
