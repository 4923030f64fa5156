package ma.essp.diag.database.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation produced: the file, the number of rows inserted per table (in insertion order) and the
 * time it took.
 */
public record DemoSummary(Path file, DemoScale scale, long seed, Map<String, Integer> rowsPerTable, Duration elapsed) {

    public DemoSummary {
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
    }

    /** Rows inserted into {@code table}, 0 if none. */
    public int rows(String table) {
        return rowsPerTable.getOrDefault(table, 0);
    }

    public int totalRows() {
        return rowsPerTable.values().stream().mapToInt(Integer::intValue).sum();
    }
}
