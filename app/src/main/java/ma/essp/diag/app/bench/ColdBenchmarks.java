package ma.essp.diag.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.MissionRepository;
import ma.essp.diag.database.repository.TeamRepository;
import ma.essp.diag.reporting.export.ExportProgress;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportDataCollector;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportRequest;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.export.excel.ExcelReportWriter;
import ma.essp.diag.reporting.export.pdf.PdfReportWriter;
import org.jooq.Table;

/**
 * {@code essp-diag bench --cold}: what the user waits for, each row a new process of the launcher on the national
 * demo mission, measured from the outside (wall time, CPU time, peak RSS), against its floor measured in the same
 * run, in alternation with it (row, floor, row, floor…, after one unmeasured round of both that fills the OS file
 * cache and takes the day's first backup): {@code java -version} on the same runtime for the window's start, the
 * {@code sqlite3} shell reading the same rows for {@code info} and {@code indices}, and a bare SXSSF / Jasper process
 * of the launcher's class path writing the same cells / rows for the exports. The window rows need a display
 * (e.g. Xvfb) and end at the line the window logs when its first area has its data ({@value #USABLE_MARKER}).
 */
public final class ColdBenchmarks {

    /** What the window logs once, when the first area on screen has its data. */
    public static final String USABLE_MARKER = "usable after ";
    static final String REGION = "06";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** One row: our command and its floor (null when this machine has none, e.g. no sqlite3). */
    record Row(String what, String target, Step ours, String floorLabel, Step floor) {
    }

    /** One measured process. */
    interface Step {
        ColdRun run() throws Exception;
    }

    /** A row's result. */
    public record Result(String what, String target, ColdRun.Summary ours, String floorLabel, ColdRun.Summary floor) {
        public Double ratio() {
            return floor == null ? null : (double) ours.medianNanos() / floor.medianNanos();
        }

        /** The ratio of the median CPU times; null when either is unknown. */
        public Double cpuRatio() {
            return floor == null || ours.medianCpuMillis() < 0 || floor.medianCpuMillis() <= 0 ? null
                    : (double) ours.medianCpuMillis() / floor.medianCpuMillis();
        }
    }

    private final Path work;
    private final Path appHome;
    private final int runs;
    private final String display;
    private final PrintWriter log;
    private final Path mission;
    private final AppPaths home;
    /** Only the rows whose name contains this text (null: all). */
    private String only;

    /**
     * @param appHome the launcher's installation folder (bin/essp-diag, lib/)
     * @param display the X display for the window rows, or null to leave them out
     */
    public ColdBenchmarks(Path work, Path appHome, int runs, String display, PrintWriter log) {
        this.work = work.toAbsolutePath();
        this.appHome = appHome;
        this.runs = runs;
        this.display = display;
        this.log = log;
        this.mission = this.work.resolve("bench-national.essp");
        this.home = new AppPaths(this.work.resolve("home"));
    }

    /** Measures only the rows whose name contains {@code text} (e.g. "export", "window"). */
    public ColdBenchmarks only(String text) {
        this.only = text;
        return this;
    }

    public List<Result> runAll() throws Exception {
        List<Result> results = new ArrayList<>();
        for (Row row : rows()) {
            if (only != null && !row.what().contains(only)) {
                continue;
            }
            say("measuring: %s (%d runs%s)", row.what(), runs, row.floor() == null ? "" : ", against " + row.floorLabel());
            row.ours().run();
            if (row.floor() != null) {
                row.floor().run();
            }
            List<ColdRun> ours = new ArrayList<>();
            List<ColdRun> floor = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ours.add(row.ours().run());
                if (row.floor() != null) {
                    floor.add(row.floor().run());
                }
            }
            Result result = new Result(row.what(), row.target(), ColdRun.Summary.of(ours), row.floorLabel(),
                    floor.isEmpty() ? null : ColdRun.Summary.of(floor));
            say("  %s (%s), floor %s", result.ours().time(), result.ours().range(), result.floor() == null ? "-" : result.floor().time());
            results.add(result);
        }
        return results;
    }

    /** Prepares the mission, the home folder and the floors' inputs, then lists the rows. */
    List<Row> rows() throws Exception {
        Files.createDirectories(work);
        home.createDirectories();
        if (Files.exists(mission)) {
            say("reusing %s", mission);
        } else {
            say("generating the national demo mission %s", mission);
            new DemoMissionGenerator().generate(mission, DemoScale.NATIONAL, DemoMissionGenerator.DEFAULT_SEED, true, DemoProgress.NONE);
        }
        Path smallDemo = new MissionService(home).demoWorkingCopy().orElse(null);
        remember(mission);
        if (smallDemo != null) {
            remember(smallDemo);
        }
        say("gathering the report's cells and rows for the bare floors");
        Path nationalCells = work.resolve("national-cells.bin");
        Path nationalRows = work.resolve("national-rows.bin");
        Path regionalRows = work.resolve("region-" + REGION + "-rows.bin");
        try (MissionFile file = MissionFile.open(mission, home.backups())) {
            ReportDataCollector collector = ReportDataCollector.load(file.dsl());
            ReportData national = collector.collect(ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR));
            BareExport.writeSheets(ExcelReportWriter.tableRows(national), nationalCells);
            BareExport.writeRows(new PdfReportWriter(national, ExportProgress.NONE).rows(), nationalRows);
            ReportData regional = collector.collect(ReportRequest.of(ReportScope.region(REGION), ReportLanguage.FR));
            BareExport.writeRows(new PdfReportWriter(regional, ExportProgress.NONE).rows(), regionalRows);
        }
        Path counts = work.resolve("counts.sql");
        Files.writeString(counts, countsSql(), StandardCharsets.UTF_8);
        Path readiness = work.resolve("readiness-all-levels.sql");
        try (InputStream in = ColdBenchmarks.class.getResourceAsStream("readiness-all-levels.sql")) {
            Files.write(readiness, in.readAllBytes());
        }

        Map<String, String> env = new LinkedHashMap<>();
        env.put("ESSP_DIAG_HOME", home.home().toString());
        env.put("ESSP_DIAG_OPTS", ""); // as the user runs it, whatever options the bench itself was started with
        if (display != null) {
            env.put("DISPLAY", display);
        }
        ColdProcess processes = new ColdProcess(work, env);
        String launcher = appHome.resolve("bin").resolve("essp-diag").toString();
        String file = mission.toString();
        String sqlite3 = sqlite3();
        Step javaVersion = () -> processes.run(List.of(javaBinary(), "-version"), TIMEOUT);
        Path logFile = home.logs().resolve("essp-diag.log");

        List<Row> rows = new ArrayList<>();
        if (display != null) {
            rows.add(new Row("window, small demo, until usable", "≤ 2.0 s",
                    () -> processes.runUntil(List.of(launcher), logFile, USABLE_MARKER, TIMEOUT), "java -version", javaVersion));
            rows.add(new Row("window, national, until usable", "≤ 2.5 s",
                    () -> processes.runUntil(List.of(launcher, file), logFile, USABLE_MARKER, TIMEOUT), "java -version", javaVersion));
        }
        rows.add(new Row("essp-diag --version (start-up alone)", "",
                () -> processes.run(List.of(launcher, "--version"), TIMEOUT), "java -version", javaVersion));
        rows.add(new Row("info national", "≤ 1.0 s", () -> processes.run(List.of(launcher, "info", file), TIMEOUT),
                "sqlite3: the same counts", sqlite3 == null ? null : () -> processes.run(sqliteCommand(sqlite3, counts), TIMEOUT)));
        rows.add(new Row("indices --level essp national", "≤ 1.5 s",
                () -> processes.run(List.of(launcher, "indices", file, "--level", "essp"), TIMEOUT),
                "sqlite3: the same rules, all levels",
                sqlite3 == null ? null : () -> processes.run(sqliteCommand(sqlite3, readiness), TIMEOUT)));
        rows.add(exportRow("export xlsx national", "≤ 6 s, ≤ 600 MB", processes, launcher, "xlsx", "national", nationalCells));
        rows.add(exportRow("export pdf national", "≤ 4 s, ≤ 600 MB", processes, launcher, "pdf", "national", nationalRows));
        rows.add(exportRow("export pdf region:" + REGION + " (with ESSP annex)", "≤ 5 s", processes, launcher, "pdf",
                "region:" + REGION, regionalRows));
        return rows;
    }

    private Row exportRow(String what, String target, ColdProcess processes, String launcher, String format, String scope,
                          Path bareInput) {
        Path out = work.resolve("cold-" + scope.replace(':', '-') + "." + format);
        Path bareOut = work.resolve("bare-" + scope.replace(':', '-') + "." + format);
        return new Row(what, target,
                () -> processes.run(List.of(launcher, "export", mission.toString(), "--format", format, "--scope", scope,
                        "--out", out.toString(), "--quiet"), TIMEOUT),
                "bare " + (format.equals("xlsx") ? "SXSSF" : "Jasper") + " process, same " + (format.equals("xlsx") ? "cells" : "rows"),
                () -> processes.run(bareCommand(format, bareInput, bareOut), TIMEOUT));
    }

    /** Who the consultant is in the mission, remembered in the bench home's settings: the window opens straight on it. */
    private void remember(Path file) throws Exception {
        try (MissionFile open = MissionFile.open(file, home.backups())) {
            String missionUuid = new MissionRepository(open.dsl()).metadata().orElseThrow().getUuid();
            String member = new TeamRepository(open.dsl()).members().getFirst().uuid();
            Settings settings = Settings.load(home.settingsFile());
            settings.setMember(missionUuid, member);
            settings.save();
        }
    }

    /** What {@code info} counts, as the sqlite3 shell's statements: every table, soft-deleted rows left out. */
    static String countsSql() {
        StringBuilder sql = new StringBuilder();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            sql.append("SELECT count(*) FROM ").append(table.getName())
                    .append(table.field("deleted") == null ? "" : " WHERE deleted = 0").append(";\n");
        }
        return sql.toString();
    }

    private List<String> sqliteCommand(String sqlite3, Path sql) {
        return List.of("sh", "-c", "exec \"$0\" -readonly \"$1\" < \"$2\" > /dev/null", sqlite3, mission.toString(), sql.toString());
    }

    /**
     * The bare export process: this JVM's own command line (the launcher's runtime, options, ahead-of-time cache and
     * class path) with {@link BareExport} as the main class.
     */
    private List<String> bareCommand(String format, Path input, Path out) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions(ProcessHandle.current().info().arguments().map(List::of).orElse(List.of()),
                System.getProperty("java.class.path")));
        command.addAll(List.of(BareExport.class.getName(), format, input.toString(), out.toString()));
        return command;
    }

    /**
     * The JVM options of a launcher command line (everything before its main class), without profiling or AOT-training
     * options, and with the class path.
     */
    static List<String> jvmOptions(List<String> arguments, String classPath) {
        List<String> options = new ArrayList<>();
        boolean hasClassPath = false;
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (!a.startsWith("-")) {
                break; // the main class
            }
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path") || a.equals("--module-path")
                    || a.equals("-p") || a.equals("--add-modules")) {
                options.add(a);
                options.add(arguments.get(++i));
                hasClassPath |= !a.equals("--module-path") && !a.equals("-p") && !a.equals("--add-modules");
                continue;
            }
            if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:AOTCacheOutput") || a.startsWith("-XX:AOTMode")
                    || a.startsWith("-agent") || a.startsWith("-javaagent") || a.startsWith("-Dessp.aot.training")) {
                continue;
            }
            options.add(a);
        }
        if (!hasClassPath) {
            options.add("-cp");
            options.add(classPath);
        }
        return options;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String sqlite3() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "sqlite3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    public static void print(List<Result> results, PrintWriter out) {
        String format = "%-44s %8s %15s %8s %8s   %-38s %8s %8s %8s %6s %6s   %s%n";
        out.printf(Locale.ROOT, format, "what the user does", "median", "min–max", "CPU", "peak RSS", "floor (same run)",
                "median", "CPU", "peak RSS", "ratio", "CPU r.", "target");
        out.println("-".repeat(180));
        for (Result r : results) {
            ColdRun.Summary f = r.floor();
            out.printf(Locale.ROOT, format, r.what(), r.ours().time(), r.ours().range(), r.ours().cpu(), r.ours().rss(),
                    f == null ? "-" : r.floorLabel(), f == null ? "-" : f.time(), f == null ? "-" : f.cpu(),
                    f == null ? "-" : f.rss(), r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                    r.cpuRatio() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.cpuRatio()), r.target());
        }
        out.println("median of " + (results.isEmpty() ? 0 : results.getFirst().ours().runs()) + " runs per row, each a new process"
                + " (the OS file cache warm: one unmeasured round first), the row and its floor run in alternation; CPU ="
                + " user + system (median), CPU r. its ratio (steadier than wall time on a busy machine); peak RSS = the"
                + " highest over the runs (/usr/bin/time). The window rows end at the line \"" + USABLE_MARKER
                + "N ms\" of its log.");
        out.flush();
    }

    private void say(String format, Object... args) {
        log.printf(Locale.ROOT, format + "%n", args);
        log.flush();
    }
}
