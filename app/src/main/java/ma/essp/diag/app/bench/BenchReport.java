package ma.essp.diag.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs bench cases and prints the table: operation, time, peak heap, baseline, ratio. */
public final class BenchReport {

    public record Row(String operation, Measurement ours, String baselineLabel, Measurement baseline) {
        public Double ratio() {
            return baseline == null || baseline.median().isZero() ? null
                    : (double) ours.median().toNanos() / baseline.median().toNanos();
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public Row run(BenchCase c) throws Exception {
        Measurement ours;
        Measurement baseline;
        if (c.prepare() != null) {
            c.prepare().call();
        }
        if (c.baseline() == null) {
            ours = Measurement.of(c.warmups(), c.runs(), c.ours());
            baseline = null;
        } else {
            Measurement[] both = Measurement.alternating(c.warmups(), c.runs(), c.ours(), c.baseline());
            ours = both[0];
            baseline = both[1];
        }
        Row row = new Row(c.operation(), ours, c.baselineLabel(), baseline);
        rows.add(row);
        return row;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public void print(PrintWriter out) {
        String format = "%-42s %12s %10s   %-34s %12s %10s %7s%n";
        out.printf(Locale.ROOT, format, "operation", "time", "peak heap", "baseline (bare library)", "time", "peak heap", "ratio");
        out.println("-".repeat(136));
        for (Row r : rows) {
            out.printf(Locale.ROOT, format, r.operation(), ms(r.ours()), mb(r.ours()),
                    r.baseline() == null ? "-" : r.baselineLabel(),
                    r.baseline() == null ? "-" : ms(r.baseline()), r.baseline() == null ? "-" : mb(r.baseline()),
                    r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()));
        }
        out.println("time = median of the measured runs after warm-up, ours and the baseline run in alternation;"
                + " peak heap = highest peak of the heap pools over the runs (collected and reset before each run).");
        out.flush();
    }

    private static String ms(Measurement m) {
        return String.format(Locale.ROOT, "%.1f ms", m.median().toNanos() / 1e6);
    }

    private static String mb(Measurement m) {
        return String.format(Locale.ROOT, "%.0f MB", m.peakHeapBytes() / 1048576.0);
    }
}
