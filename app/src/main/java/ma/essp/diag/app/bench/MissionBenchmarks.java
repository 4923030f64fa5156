package ma.essp.diag.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.mission.MissionFile;
import org.jooq.Table;

/**
 * The benchmark suite on a demo mission. Each case runs the application's code path and, where there is one,
 * the bare library doing the same raw work. Later features add their cases to {@link #cases()}.
 */
public final class MissionBenchmarks {

    private final Path work;
    private final DemoScale scale;
    private final PrintWriter log;
    private final Path mission;
    private final Path emptySchema;

    public MissionBenchmarks(Path work, DemoScale scale, PrintWriter log) {
        this.work = work;
        this.scale = scale;
        this.log = log;
        this.mission = work.resolve("bench-" + scale.code() + ".essp");
        this.emptySchema = work.resolve("empty-schema.essp");
    }

    public BenchReport runAll() throws Exception {
        BenchReport report = new BenchReport();
        MissionFile.create(emptySchema).close();
        for (BenchCase c : cases()) {
            log.printf(Locale.ROOT, "measuring: %s%n", c.operation());
            log.flush();
            report.run(c);
        }
        return report;
    }

    List<BenchCase> cases() {
        List<BenchCase> cases = new ArrayList<>();
        AtomicInteger copies = new AtomicInteger();
        cases.add(new BenchCase("generate demo mission (" + scale.code() + ")",
                "SQLite INSERT...SELECT of the same rows",
                () -> new DemoMissionGenerator().generate(mission, scale, DemoMissionGenerator.DEFAULT_SEED, true, DemoProgress.NONE),
                () -> copyAllRows(mission, work.resolve("copy-" + copies.incrementAndGet() + ".essp")),
                0, 1));
        return cases;
    }

    /** The raw writes of the generation: every row of every table copied by SQLite itself into an empty schema. */
    private Object copyAllRows(Path source, Path target) throws Exception {
        Files.copy(emptySchema, target, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("ATTACH DATABASE '" + source.toAbsolutePath() + "' AS src");
            c.setAutoCommit(false);
            int rows = 0;
            for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                s.execute("DELETE FROM main." + table.getName());
                rows += s.executeUpdate("INSERT INTO main." + table.getName() + " SELECT * FROM src." + table.getName());
            }
            c.commit();
            return rows;
        }
    }
}
