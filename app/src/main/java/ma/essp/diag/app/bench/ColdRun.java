package ma.essp.diag.app.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One process of the cold bench, measured from the outside: wall time from its start to its end (or to the marker
 * it was waited for), CPU time (user + system) and peak resident memory as {@code /usr/bin/time} reports them from the
 * kernel's accounting of the process; -1 where unknown (no {@code /usr/bin/time}).
 */
public record ColdRun(long wallNanos, long cpuMillis, long peakRssKb, int exitCode) {

    /** The {@code /usr/bin/time} format the bench asks for: elapsed s, user s, system s, max RSS KB. */
    public static final String TIME_FORMAT = "%e %U %S %M";

    /**
     * Reads what {@code /usr/bin/time -f "%e %U %S %M"} wrote: its last non-blank line (a process ended by a signal
     * gets a "Command terminated by signal" line first).
     *
     * @return {cpu ms, peak RSS KB}, or {-1, -1} when the text holds no such line
     */
    public static long[] parseTime(String text) {
        String[] lines = text.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String[] parts = lines[i].strip().split("\\s+");
            if (parts.length == 4) {
                try {
                    double user = Double.parseDouble(parts[1]);
                    double system = Double.parseDouble(parts[2]);
                    long rss = Long.parseLong(parts[3]);
                    return new long[] {Math.round((user + system) * 1000), rss};
                } catch (NumberFormatException notThisLine) {
                    // keep looking
                }
            }
        }
        return new long[] {-1, -1};
    }

    /** Median, min and max of the wall times, the median CPU time and the highest peak RSS of a row's runs. */
    public record Summary(long medianNanos, long minNanos, long maxNanos, long medianCpuMillis, long peakRssKb, int runs) {

        public static Summary of(Collection<ColdRun> runs) {
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("no runs");
            }
            List<Long> wall = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            long rss = -1;
            for (ColdRun run : runs) {
                wall.add(run.wallNanos());
                cpu.add(run.cpuMillis());
                rss = Math.max(rss, run.peakRssKb());
            }
            wall.sort(null);
            cpu.sort(null);
            return new Summary(median(wall), wall.getFirst(), wall.getLast(), median(cpu), rss, runs.size());
        }

        /** The middle value; of an even count, the mean of the two middle values. */
        static long median(List<Long> sorted) {
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        public String time() {
            return seconds(medianNanos);
        }

        public String range() {
            return seconds(minNanos) + "–" + seconds(maxNanos);
        }

        public String cpu() {
            return medianCpuMillis < 0 ? "-" : String.format(Locale.ROOT, "%.2f s", medianCpuMillis / 1000.0);
        }

        public String rss() {
            return peakRssKb < 0 ? "-" : String.format(Locale.ROOT, "%,d MB", Math.round(peakRssKb / 1024.0));
        }

        private static String seconds(long nanos) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
    }
}
