package ma.essp.diag.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import ma.essp.diag.app.map.model.MapFigure;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.app.map.model.MapPicture;
import ma.essp.diag.app.registry.EsspSearch;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspDetailRepository;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingNeedsRepository;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.reporting.training.TrainingFigures;
import ma.essp.diag.reporting.training.TrainingNeeds;
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
    /** Closed after the last case (e.g. a mission held open across the runs of a case). */
    private final List<AutoCloseable> resources = new ArrayList<>();
    private MissionFile open;
    /** A scratch PostgreSQL database for the team server's cases; null: they are left out. */
    private ServerBenchmarks.Target server;
    /** Only the cases whose name contains this (the generation always runs); null: every case. */
    private String only;

    public MissionBenchmarks(Path work, DemoScale scale, PrintWriter log) {
        this.work = work;
        this.scale = scale;
        this.log = log;
        this.mission = work.resolve("bench-" + scale.code() + ".essp");
        this.emptySchema = work.resolve("empty-schema.essp");
    }

    /**
     * Adds the team server's cases (issue 16, {@link ServerBenchmarks}) on the PostgreSQL database at {@code url}:
     * <b>its schema public is dropped and created again</b>. {@code password} null: none sent.
     */
    public MissionBenchmarks withServer(String url, String user, char[] password) {
        this.server = new ServerBenchmarks.Target(url, user, password);
        return this;
    }

    /** Measures only the cases whose name contains {@code text} or one of its comma-separated parts (case-insensitive); null: every case. */
    public MissionBenchmarks only(String text) {
        this.only = text;
        return this;
    }

    public BenchReport runAll() throws Exception {
        BenchReport report = new BenchReport();
        deleteScratch(emptySchema); // left by a run that failed before its end
        MissionFile.create(emptySchema).close();
        try {
            // the generation case must run first: the other cases read the mission it writes
            BenchCase generation = generationCase();
            log.printf(Locale.ROOT, "measuring: %s%n", generation.operation());
            log.flush();
            report.run(generation);
            for (BenchCase c : cases()) {
                if (only != null && java.util.Arrays.stream(only.toLowerCase(Locale.ROOT).split(","))
                        .noneMatch(part -> c.operation().toLowerCase(Locale.ROOT).contains(part.strip()))) {
                    continue;
                }
                log.printf(Locale.ROOT, "measuring: %s%n", c.operation());
                log.flush();
                report.run(c);
            }
        } finally {
            for (AutoCloseable resource : resources) {
                resource.close();
            }
            deleteScratch(emptySchema);
        }
        return report;
    }

    /** Deletes a scratch mission file of the bench and SQLite's files beside it, when they are there. */
    static void deleteScratch(Path file) throws java.io.IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    private BenchCase generationCase() {
        AtomicInteger copies = new AtomicInteger();
        return new BenchCase("generate demo mission (" + scale.code() + ")",
                "SQLite INSERT...SELECT of the same rows",
                () -> new DemoMissionGenerator().generate(mission, scale, DemoMissionGenerator.DEFAULT_SEED, true, DemoProgress.NONE),
                () -> copyAllRows(mission, work.resolve("copy-" + copies.incrementAndGet() + ".essp")),
                0, 1);
    }

    /** The cases measured on the generated mission; later features add theirs here. */
    List<BenchCase> cases() throws Exception {
        List<BenchCase> cases = new ArrayList<>();
        cases.add(BenchCase.of("open mission (validated) + load ESSP list", this::openAndList,
                "JDBC: connect + same SELECT into arrays", this::openAndListWithJdbc));
        List<EsspListRow> rows = registryRows();
        EsspSearch registry = new EsspSearch(rows);
        cases.add(BenchCase.of("filter ESSP list (" + rows.size() + " rows, 4 queries)", () -> filterLikeTheList(registry, rows),
                "plain stream filter over the same rows", () -> filterWithStreams(searchKeys(rows))));
        ReadinessBench readiness = new ReadinessBench(mission, work);
        resources.add(readiness);
        cases.add(readiness.allLevels());
        cases.addAll(new ReportBenchmarks(work, mission, log).cases());
        // a detail page is opened many times a session: measure it warm (the first opening pays the JIT, ≈0.1 s)
        cases.add(new BenchCase("open ESSP detail", "plain JDBC: the ESSP row and its staff", () -> openEsspDetail(),
                () -> plainEsspAndStaff(), 30, 10));
        cases.add(BenchCase.of("render map (outlines, figures, colours, points)", () -> prepareMap(),
                "plain JDBC: ESSPs per province", () -> plainEsspsPerProvince()));
        // issue 13: the findings board's load (its evidence read against the figures now, the proposals) and the
        // perpetrator-care roll-out figures of the Violence (auteurs) dashboard
        cases.add(BenchCase.of("findings board, first load (the figures its evidence cites, evidence staleness)",
                this::findingsBoardFirstLoad, "plain JDBC: finding, evidence and recommendation rows", this::plainFindingRows));
        cases.add(BenchCase.of("findings board, first load, 15 findings citing figures (3 kinds x 5 levels)",
                this::citingBoardFirstLoad, "plain JDBC: finding, evidence and recommendation rows", this::plainCitingRows));
        cases.add(BenchCase.of("findings board, the editors' figures behind it (readiness, units of every level)",
                this::findingsEditorFigures, "plain JDBC: finding, evidence and recommendation rows", this::plainFindingRows));
        cases.add(BenchCase.of("findings board, reload after an edit (figures kept, evidence staleness)", this::findingsBoard,
                "plain JDBC: finding, evidence and recommendation rows", this::plainFindingRows));
        cases.add(BenchCase.of("findings proposals on the open board (ESSP level, sites)", this::findingProposals,
                "plain JDBC: finding, evidence and recommendation rows", this::plainFindingRows));
        cases.add(BenchCase.of("roll-out figures (stages, funnel, retention, referrals, still in post, timeline)",
                this::rolloutFigures, "plain JDBC: sites per stage, periods and referrals summed", this::plainRolloutSums));
        cases.add(BenchCase.of("training needs per province (derivation with proposals)", this::trainingNeeds,
                "plain JDBC: functions lacking per province", this::plainFunctionsLacking));
        cases.add(BenchCase.of("training budget (every cohort's figures, costs by region)", this::trainingBudget,
                "plain JDBC: cost lines summed per cohort and kind", this::plainCostsPerCohort));
        // issue 15: importing a national assessment workbook, merging two national mission files
        cases.addAll(new FieldworkBenchmarks(work, mission).cases());
        // issue 12: the figures of the data-flow and complaint dashboards, the CLI and the report, at every level
        cases.add(BenchCase.of("data-flow figures, all levels (rates, VF, chains, PRISM checklist)", this::dataFlowFigures,
                "plain JDBC: observations and recounts summed per ESSP", this::plainFlowSums));
        cases.add(BenchCase.of("complaint figures, all levels (deadline shares, medians, maturity)", this::complaintFigures,
                "plain JDBC: samples counted per ESSP and category", this::plainComplaintCounts));
        // issue 16: the team server (push to an empty server, incremental sync, indices on the server)
        if (server != null) {
            ServerBenchmarks serverCases = new ServerBenchmarks(server, mission, work, log);
            resources.add(serverCases);
            cases.addAll(serverCases.cases());
        } else {
            log.println("team server cases left out: give a scratch PostgreSQL database with --server URL --user USER");
        }
        return cases;
    }

    /** The Constats screen's loader, kept across the runs as the open screen keeps it (its figures kept while unchanged). */
    private ma.essp.diag.reporting.findings.FindingsFigures.Loader boardLoader;
    /** The mission whose findings cite figures ({@link #citingMission()}), null until a case asks for it. */
    private MissionFile citing;

    /** The board as the open screen reloads it after an edit: the warm-up runs read the figures, the measured ones keep them. */
    private Object findingsBoard() throws Exception {
        ma.essp.diag.reporting.findings.FindingsFigures.Synthesis s = boardLoader().load();
        return s.findings().size() + s.recommendations().size();
    }

    private ma.essp.diag.reporting.findings.FindingsFigures.Loader boardLoader() throws Exception {
        if (boardLoader == null) {
            boardLoader = new ma.essp.diag.reporting.findings.FindingsFigures.Loader(openMission().dsl());
        }
        return boardLoader;
    }

    /** The board read from nothing (a new screen, or figures changed since): every figure computed, as the CLI does. */
    private Object findingsBoardFirstLoad() throws Exception {
        ma.essp.diag.reporting.findings.FindingsFigures.Synthesis s =
                ma.essp.diag.reporting.findings.FindingsFigures.load(openMission().dsl());
        return s.findings().size() + s.recommendations().size();
    }

    /** What the board computes behind itself once shown, for the editors' pickers, from a new screen. */
    private Object findingsEditorFigures() throws Exception {
        return ma.essp.diag.reporting.findings.FindingsFigures.load(openMission().dsl()).readiness().prepare()
                .units(ma.essp.diag.reporting.readiness.AggregationLevel.ESSP).size();
    }

    /**
     * A copy of the mission whose findings cite figures, as a diagnostic's do (the demo's cite documents): one finding
     * per figure kind (general readiness, complaints answered in time, reports on time) and level, citing its first
     * unit with the value it has; kept open across the runs.
     */
    private MissionFile citingMission() throws Exception {
        if (citing == null) {
            Path copy = work.resolve("bench-citing.essp");
            Files.copy(mission, copy, StandardCopyOption.REPLACE_EXISTING);
            citing = MissionFile.open(copy, work.resolve("backups"));
            resources.add(citing);
            var dsl = citing.dsl();
            var figures = ma.essp.diag.reporting.findings.FindingsFigures.load(dsl).readiness();
            var findings = new ma.essp.diag.database.repository.FindingRepository(dsl);
            EditContext edit = EditContext.system("bench");
            for (var level : ma.essp.diag.reporting.readiness.AggregationLevel.values()) {
                var unit = figures.units(level).getFirst();
                for (String figure : List.of(ma.essp.diag.reporting.findings.ReadinessEvidence.GENERAL,
                        ma.essp.diag.reporting.findings.ReadinessEvidence.COMPLAINTS_ANSWERED,
                        ma.essp.diag.reporting.findings.ReadinessEvidence.DATAFLOWS_ON_TIME)) {
                    findings.insertFinding(edit, new ma.essp.diag.database.repository.FindingRepository.FindingDraft(5,
                            level.code(), unit.regionId(), unit.provinceId(), unit.circonscriptionId(), unit.esspId(),
                            "weakness", figure + " " + unit.code(), null, "medium", null, null), List.of(
                            ma.essp.diag.database.repository.FindingRepository.EvidenceDraft.figure(figure, level.code(),
                                    unit.code(), figures.value(figure, level, unit.code()).orElse(null))));
                }
            }
        }
        return citing;
    }

    private Object citingBoardFirstLoad() throws Exception {
        ma.essp.diag.reporting.findings.FindingsFigures.Synthesis s =
                ma.essp.diag.reporting.findings.FindingsFigures.load(citingMission().dsl());
        return s.findings().stream().filter(ma.essp.diag.reporting.findings.FindingsFigures.FindingFigures::needsReview).count();
    }

    private Object plainCitingRows() throws Exception {
        citingMission();
        return plainFindingRows(work.resolve("bench-citing.essp"));
    }

    /** "Propose findings" on the open board (ESSP level, and the sites), over the figures the board keeps. */
    private Object findingProposals() throws Exception {
        ma.essp.diag.reporting.findings.FindingsFigures.Synthesis s = boardLoader().load();
        return ma.essp.diag.reporting.findings.FindingProposals.propose(s.readiness(), s.findings(),
                ma.essp.diag.reporting.readiness.AggregationLevel.ESSP).size()
                + ma.essp.diag.reporting.findings.FindingProposals.proposeSites(s.care(), s.readiness(), s.findings()).size();
    }

    private Object plainFindingRows() throws Exception {
        return plainFindingRows(mission);
    }

    private static int plainFindingRows(Path file) throws Exception {
        int n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : List.of("SELECT * FROM finding WHERE deleted = 0", "SELECT * FROM finding_evidence WHERE deleted = 0",
                    "SELECT * FROM recommendation WHERE deleted = 0", "SELECT * FROM recommendation_finding WHERE deleted = 0")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private Object rolloutFigures() throws Exception {
        var data = new ma.essp.diag.database.repository.PerpetratorCareRepository(openMission().dsl()).load();
        LocalDate asOf = LocalDate.now();
        return ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.stagesByRegion(data, asOf).size()
                + ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.funnel(data).targeted()
                + ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.retention(data).patientsFollowed()
                + ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.referralMix(data).size()
                + ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.stillInPost(data).size()
                + ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures.timeline(data, asOf).size();
    }

    private Object dataFlowFigures() throws Exception {
        var dsl = openMission().dsl();
        var data = new ma.essp.diag.database.repository.DataFlowRepository(dsl).load();
        var band = ma.essp.diag.reporting.dataflow.DataVerification.Band.ofMission(dsl);
        int n = 0;
        for (var level : ma.essp.diag.reporting.readiness.AggregationLevel.values()) {
            n += ma.essp.diag.reporting.dataflow.DataFlowFigures.byUnit(data, level, band).size();
        }
        return n;
    }

    private Object plainFlowSums() throws Exception {
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mission); Statement s = c.createStatement()) {
            for (String sql : List.of("SELECT essp_id, sum(reports_received) FROM data_flow_observation WHERE deleted = 0 GROUP BY essp_id",
                    "SELECT essp_id, sum(recounted) FROM data_verification WHERE deleted = 0 GROUP BY essp_id")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        n += rs.getLong(2);
                    }
                }
            }
        }
        return n;
    }

    private Object complaintFigures() throws Exception {
        var dsl = openMission().dsl();
        var source = new ma.essp.diag.database.repository.ReportSourceRepository(dsl).load();
        var deadlines = ma.essp.diag.reporting.complaints.ComplaintDeadlines.ofMission(dsl);
        LocalDate asOf = source.mission().asOf() != null ? source.mission().asOf() : LocalDate.now();
        int n = 0;
        for (var level : ma.essp.diag.reporting.readiness.AggregationLevel.values()) {
            n += ma.essp.diag.reporting.complaints.ComplaintFigures.byLevel(source, level, deadlines, asOf).size();
        }
        return n;
    }

    private Object plainComplaintCounts() throws Exception {
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mission); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT essp_id, category, count(*) FROM complaint_sample WHERE deleted = 0 GROUP BY essp_id, category")) {
            while (rs.next()) {
                n += rs.getLong(3);
            }
        }
        return n;
    }

    private Object plainRolloutSums() throws Exception {
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mission); Statement s = c.createStatement()) {
            for (String sql : List.of("SELECT stage, count(*) FROM perpetrator_care_site WHERE deleted = 0 GROUP BY stage",
                    "SELECT site_id, sum(patients_followed), sum(dropouts) FROM perpetrator_care_period WHERE deleted = 0 GROUP BY site_id",
                    "SELECT source, sum(referrals) FROM perpetrator_care_referral WHERE deleted = 0 GROUP BY source",
                    "SELECT site_id, count(*) FROM perpetrator_care_staff WHERE deleted = 0 AND trained_on IS NOT NULL GROUP BY site_id")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        n += rs.getLong(2);
                    }
                }
            }
        }
        return n;
    }

    /** The Formation screen's needs tab and {@code figures --axis training-needs --level province}: read and derive. */
    private Object trainingNeeds() throws Exception {
        MissionFile file = openMission();
        var programmes = new TrainingRepository(file.dsl()).load().programmes();
        return TrainingNeeds.byLevel(new TrainingNeedsRepository(file.dsl()).load(), programmes, TrainingNeeds.Level.PROVINCE);
    }

    private Object plainFunctionsLacking() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mission); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ci.province_id, f.function_code, sum(f.held = 'not_held'), sum(f.held = 'partial') "
                     + "FROM circonscription_function f JOIN circonscription ci ON ci.id = f.circonscription_id "
                     + "WHERE f.deleted = 0 GROUP BY ci.province_id, f.function_code")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    /** The cost tab's and {@code figures --axis training}'s work: every cohort's figures and the totals by region. */
    private Object trainingBudget() throws Exception {
        MissionFile file = openMission();
        TrainingData data = new TrainingRepository(file.dsl()).load();
        return List.of(TrainingFigures.cohortFigures(data), TrainingFigures.costTotals(data, TrainingFigures.CostAxis.REGION));
    }

    private Object plainCostsPerCohort() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mission); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT cohort_id, kind, sum(coalesce(unit_cost_mad * units, amount_mad)) "
                     + "FROM training_cost WHERE deleted = 0 GROUP BY cohort_id, kind")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
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
            resources.add(open);
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


    private Object openAndList() throws Exception {
        try (MissionFile file = MissionFile.open(mission, work.resolve("backups"))) {
            return new EsspRepository(file.dsl()).list();
        }
    }

    private static final String LIST_SQL = """
            SELECT e.id, e.code, e.name_fr, e.name_ar, k.code, k.label_fr, k.label_en, k.label_ar, k.sort_order, e.milieu,
                   c.id, c.name_fr, c.name_ar, p.id, p.name_fr, p.name_ar, r.id, r.code, r.name_fr, r.name_ar,
                   e.functionality, e.population_served
            FROM essp e JOIN essp_category k ON k.code = e.category_code JOIN circonscription c ON c.id = e.circonscription_id
                 JOIN province p ON p.id = c.province_id JOIN region r ON r.id = p.region_id
            WHERE e.deleted = 0 ORDER BY e.code""";

    private Object openAndListWithJdbc() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mission); Statement s = c.createStatement();
             var rs = s.executeQuery(LIST_SQL)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows of the ESSP list, read as the list screen reads them. */
    private List<EsspListRow> registryRows() throws Exception {
        try (MissionFile file = MissionFile.open(mission, work.resolve("backups"))) {
            return new EsspRepository(file.dsl()).list(false);
        }
    }

    private static final List<String> QUERIES = List.of("csr", "ait", "01571", "");

    /** The list screen's own filter (its search keys and predicate), without the JavaFX list around it. */
    private static Object filterLikeTheList(EsspSearch search, List<EsspListRow> rows) {
        int shown = 0;
        for (String query : QUERIES) {
            shown += (int) rows.stream().filter(search.matching(query, null, null, null)).count();
        }
        return shown;
    }

    /** Normalised once, as the view model does when the rows are loaded. */
    private static List<String> searchKeys(List<EsspListRow> rows) {
        return rows.stream().map(r -> normalize(r.code() + " " + r.nameFr() + " " + (r.nameAr() == null ? "" : r.nameAr()))).toList();
    }

    private static Object filterWithStreams(List<String> keys) {
        int shown = 0;
        for (String query : QUERIES) {
            String q = normalize(query);
            shown += (int) keys.stream().filter(k -> q.isEmpty() || k.contains(q)).count();
        }
        return shown;
    }

    private static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
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
