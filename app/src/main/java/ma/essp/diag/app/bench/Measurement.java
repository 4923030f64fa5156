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

    public static Measurement of(int warmups, int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            sink = work.call();
        }
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
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
