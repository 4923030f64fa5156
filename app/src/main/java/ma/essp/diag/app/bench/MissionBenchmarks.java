package ma.essp.diag.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.app.map.model.MapFigure;
import ma.essp.diag.app.map.model.MapOutlines;
import ma.essp.diag.app.map.model.MapPicture;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspDetailRepository;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
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
    private MissionFile open;

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
        try {
            for (BenchCase c : cases()) {
                log.printf(Locale.ROOT, "measuring: %s%n", c.operation());
                log.flush();
                report.run(c);
            }
        } finally {
            if (open != null) {
                open.close();
            }
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
        // a detail page is opened many times a session: measure it warm (the first opening pays the JIT, ≈0.1 s)
        cases.add(new BenchCase("open ESSP detail", "plain JDBC: the ESSP row and its staff", () -> openEsspDetail(),
                () -> plainEsspAndStaff(), 30, 10));
        cases.add(BenchCase.of("render map (outlines, figures, colours, points)", () -> prepareMap(),
                "plain JDBC: ESSPs per province", () -> plainEsspsPerProvince()));
        return cases;
    }

    /** The ESSP detail page's one background call, on an ESSP in the middle of the list. */
    private Object openEsspDetail() throws Exception {
        MissionFile file = openMission();
        int id = middleEsspId(file);
        return new EsspDetailRepository(file.dsl(), EditContext.system("bench")).load(id, LocalDate.now()).orElseThrow();
    }

    /** The screens work on the mission the window already has open: open it once, outside the measured work. */
    private MissionFile openMission() throws Exception {
        if (open == null) {
            open = MissionFile.open(mission, work.resolve("backups"));
        }
        return open;
    }

    private Object plainEsspAndStaff() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mission); Statement s = c.createStatement()) {
            int id;
            try (ResultSet rs = s.executeQuery("SELECT id FROM essp ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM essp)")) {
                rs.next();
                id = rs.getInt(1);
            }
            int n = 0;
            try (ResultSet rs = s.executeQuery("SELECT * FROM essp WHERE id = " + id)) {
                while (rs.next()) {
                    n++;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM staff_position WHERE essp_id = " + id)) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    /** What the map screen prepares off the FX thread before drawing: outlines (decoded once), data, fills, points. */
    private Object prepareMap() throws Exception {
        MissionFile file = openMission();
        MapData data = new EsspMapRepository(file.dsl()).load();
        return MapPicture.prepare(MapOutlines.shipped(), file.dsl(), data, MapFigure.ESSPS_PER_10K);
    }

    private Object plainEsspsPerProvince() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mission); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.province_id, count(*), sum(e.functionality = 'not_functioning') "
                     + "FROM essp e JOIN circonscription c ON c.id = e.circonscription_id GROUP BY c.province_id")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    private static int middleEsspId(MissionFile file) {
        int count = file.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ESSP);
        return file.dsl().select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                .orderBy(ma.essp.diag.database.jooq.Tables.ESSP.ID).limit(1).offset(count / 2).fetchOne().value1();
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
