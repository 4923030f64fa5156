package ma.essp.diag.app.bench;

import java.util.concurrent.Callable;

/**
 * One benchmarked operation: the application's own code path, and where there is one the bare library doing the
 * same raw work (plain JDBC, plain SQLite shell, bare POI...), so the ratio shows what our layers cost.
 */
public record BenchCase(String operation, String baselineLabel, Callable<?> ours, Callable<?> baseline, int warmups, int runs,
                        Callable<?> prepare) {

    public BenchCase(String operation, String baselineLabel, Callable<?> ours, Callable<?> baseline, int warmups, int runs) {
        this(operation, baselineLabel, ours, baseline, warmups, runs, null);
    }

    /** The same case with {@code prepare} run once, not measured, right before it (what it needs of the cases before). */
    public BenchCase preparedBy(Callable<?> prepare) {
        return new BenchCase(operation, baselineLabel, ours, baseline, warmups, runs, prepare);
    }

    public static BenchCase of(String operation, Callable<?> ours, String baselineLabel, Callable<?> baseline) {
        return new BenchCase(operation, baselineLabel, ours, baseline, 2, 5);
    }

    public BenchCase once() {
        return new BenchCase(operation, baselineLabel, ours, baseline, 0, 1, prepare);
    }
}
