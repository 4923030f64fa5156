package ma.essp.diag.app.bench;

import static ma.essp.diag.database.jooq.Tables.ESSP;

import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.server.MissionTables;
import ma.essp.diag.database.server.ServerAddress;
import ma.essp.diag.database.server.ServerMissions;
import ma.essp.diag.database.server.ServerSync;
import ma.essp.diag.database.server.TeamServer;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessRules;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.postgresql.PGConnection;

/**
 * The team server's cases (issue 16), on a PostgreSQL database given to the bench ({@code essp-diag bench --server URL
 * --user USER}): <b>its schema {@code public} is dropped and created again</b>, so give it a scratch database. In
 * order (each case leaves the server as the next one needs it):
 * <ol>
 *   <li>the mission pushed to an empty server ({@code server init --from}: migrations and the copy through jOOQ in
 *       one transaction) against the same migrations followed by a bare PostgreSQL {@code COPY} of the same rows;</li>
 *   <li>an incremental sync of 1,000 changed rows: a copy of the file the server was initialised from, which has
 *       synchronised once with the server (not measured, but timed: from the init's marks; and the first sync of a
 *       copy taken before the init, which compares every table), then 1,000 ESSPs edited on it; the pull then the push of {@code essp-diag sync}, against plain JDBC updating the same rows in
 *       one transaction;</li>
 *   <li>the readiness indices at every level computed from the server against the same from the file (the ratio is
 *       the server's time over the file's).</li>
 * </ol>
 */
final class ServerBenchmarks implements AutoCloseable {

    /** A server to measure on: a scratch database; the password null when none is to be sent. */
    record Target(String url, String user, char[] password) {
    }

    static final int CHANGED_ROWS = 1_000;

    private final Target target;
    private final Path mission;
    private final Path work;
    private final PrintWriter log;
    private MissionFile file;
    private TeamServer reader;
    private final List<String> changedUuids = new ArrayList<>();
    private Path laptop;
    /** The postmaster's pid (the parent of this bench's backend); -1: the server is not local or /proc not readable; 0: not known yet. */
    private long postmaster;

    ServerBenchmarks(Target target, Path mission, Path work, PrintWriter log) {
        this.target = target;
        this.mission = mission;
        this.work = work;
        this.log = log;
    }

    List<BenchCase> cases() throws Exception {
        file = MissionFile.open(mission, work.resolve("backups"));
        prepareLaptop();
        int rows = 0;
        int changed = Math.min(CHANGED_ROWS, file.dsl().fetchCount(ESSP, ESSP.DELETED.isFalse()));
        for (Table<?> table : MissionTables.inForeignKeyOrder()) {
            rows += file.dsl().fetchCount(table);
        }
        return List.of(
                new BenchCase(String.format("server: push the mission to an empty server (server init --from, %,d rows)", rows),
                        "migrations + PostgreSQL COPY of the same rows", cpu("push", this::push), cpu("COPY", this::copy), 0, 1),
                new BenchCase(String.format("server: incremental sync of %,d changed rows (pull + push)", changed),
                        "plain JDBC: UPDATE of the same rows, one transaction", cpu("incremental sync", this::sync),
                        cpu("plain UPDATE", this::plainUpdate), 0, 1)
                        .preparedBy(this::firstSyncThenEdits),
                BenchCase.of("server: readiness indices, all levels, from the server (baseline: from the file)",
                        this::indicesOnServer, "the same computed from the mission file", this::indicesOnFile));
    }

    /**
     * {@code work} that also prints the CPU time it took: of this process (user + system, every thread), and of the
     * PostgreSQL server when it runs on this machine and its processes can be read in /proc (its postmaster, its
     * processes now and the ones that ended: what the server spent on it, background writers included).
     */
    private Callable<Object> cpu(String label, Callable<?> work) {
        return () -> {
            long server = serverCpuNanos();
            long client = ProcessCpu.nanos();
            Object result = work.call();
            long clientUsed = ProcessCpu.nanos() - client;
            long serverNow = serverCpuNanos();
            log.printf(Locale.ROOT, "  (%s: CPU of this process %.2f s, of the PostgreSQL server %s)%n", label, clientUsed / 1e9,
                    server < 0 || serverNow < 0 ? "not readable here" : String.format(Locale.ROOT, "%.2f s", (serverNow - server) / 1e9));
            log.flush();
            return result;
        };
    }

    /**
     * The CPU time of the local PostgreSQL server so far (its postmaster, with the ended processes it waited for, and
     * its living processes), from /proc; -1 when it cannot be read.
     */
    private long serverCpuNanos() {
        try {
            if (postmaster == 0) {
                postmaster = -1;
                try (Connection c = jdbc(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    long backend = rs.getLong(1);
                    postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
                }
            }
            if (postmaster < 0) {
                return -1;
            }
            long ticks = ProcessCpu.ticks(postmaster, true);
            try (var children = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) children::iterator) {
                    String name = p.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && ProcessCpu.parent(Long.parseLong(name)) == postmaster) {
                        ticks += ProcessCpu.ticks(Long.parseLong(name), false);
                    }
                }
            }
            return ticks * ProcessCpu.NANOS_PER_TICK;
        } catch (Exception e) {
            return -1;
        }
    }

    /** A laptop's copy of the mission, not measured. */
    private void prepareLaptop() throws Exception {
        laptop = work.resolve("server-laptop.essp");
        Files.copy(mission, laptop, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Before the incremental sync, not measured: the server initialised again from the mission file (the last run of
     * the push case may have been the bare COPY's), then the first synchronisation of two laptops, each timed: a copy
     * of the mission taken before that init (no marks: every table compared) and a copy of the file the server was
     * initialised from (the init's marks: only the tables changed since); then {@value #CHANGED_ROWS} ESSPs edited on
     * the second laptop (one field each), which the incremental case synchronises.
     */
    private Object firstSyncThenEdits() throws Exception {
        push();
        log.printf("  (not measured: the first sync of a copy of the mission taken before the server's init, every table"
                + " compared: %s)%n", firstSync(laptop, false));
        Path initialised = work.resolve("server-laptop-initialised.essp");
        MissionFile.copyConsistently(mission, initialised); // the init's row may still be in the open file's WAL
        log.printf("  (not measured: the first sync of the file the server was initialised from, from the init's marks:"
                + " %s)%n", firstSync(initialised, true));
        log.flush();
        laptop = initialised;
        changedUuids.clear();
        try (MissionFile m = MissionFile.open(laptop, work.resolve("backups"))) {
            EditContext edit = new EditContext("bench-laptop-member", "bench-laptop", Clock.systemUTC());
            List<SyncedRows.Change> changes = new ArrayList<>();
            m.dsl().select(ESSP.ID, ESSP.VERSION, ESSP.UUID).from(ESSP).where(ESSP.DELETED.isFalse()).orderBy(ESSP.ID)
                    .limit(CHANGED_ROWS).forEach(r -> {
                        changes.add(new SyncedRows.Change(r.value1(), r.value2(), Map.of(ESSP.NOTES, "bench " + r.value3())));
                        changedUuids.add(r.value3());
                    });
            m.dsl().transaction(c -> SyncedRows.updateAll(c.dsl(), edit, ESSP, changes));
        }
        return changedUuids.size();
    }

    /**
     * The first synchronisation of {@code file} with the server: its wall time and the CPU time of this process and of
     * the server (as {@link #cpu}); {@code incremental}: whether it must find marks.
     */
    private String firstSync(Path file, boolean incremental) throws Exception {
        long start = System.nanoTime();
        long server = serverCpuNanos();
        long cpu = ProcessCpu.nanos();
        try (MissionFile m = MissionFile.open(file, work.resolve("backups")); TeamServer teamServer = connect()) {
            EditContext edit = new EditContext("bench-laptop-member", "bench-laptop", Clock.systemUTC());
            ServerSync.Result result = new ServerSync(m, teamServer).sync(edit, MergeDecisions.of(null, null, false), line -> { });
            if (result.incremental() != incremental || result.rowsPulled() != 0 || result.rowsPushed() != 0) {
                throw new IllegalStateException("the first sync of " + file.getFileName() + " pulled " + result.rowsPulled()
                        + " and pushed " + result.rowsPushed() + " rows" + (result.incremental() ? " from marks" : " comparing every table"));
            }
        }
        long clientUsed = ProcessCpu.nanos() - cpu;
        long serverNow = serverCpuNanos();
        return String.format(Locale.ROOT, "%,d ms, CPU of this process %.2f s, of the PostgreSQL server %s",
                (System.nanoTime() - start) / 1_000_000, clientUsed / 1e9, server < 0 || serverNow < 0 ? "not readable here"
                        : String.format(Locale.ROOT, "%.2f s", (serverNow - server) / 1e9));
    }

    private Connection jdbc() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        if (target.password() != null && target.password().length > 0) {
            properties.setProperty("password", new String(target.password()));
        }
        return DriverManager.getConnection(target.url(), properties);
    }

    private TeamServer connect() throws Exception {
        return TeamServer.connect(ServerAddress.of(target.url(), target.user()), target.password());
    }

    /** An empty database again: the schema public dropped with everything in it. */
    private void reset() throws Exception {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    private Object push() throws Exception {
        reset();
        try (TeamServer server = connect()) {
            EditContext coordinator = new EditContext("bench-coordinator", "bench-coordinator-laptop", Clock.systemUTC());
            return ServerMissions.init(server, file, coordinator, null, line -> { }).copied().size();
        }
    }

    /** The same end state with the bare library: the migrations, then one COPY per table in one transaction. */
    private Object copy() throws Exception {
        reset();
        try (TeamServer server = connect()) {
            server.migrate(null);
        }
        long rows = 0;
        List<Table<?>> tables = MissionTables.inForeignKeyOrder();
        try (Connection c = jdbc()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE " + tables.stream().map(t -> quote(t.getName())).collect(Collectors.joining(", ")) + " CASCADE");
            }
            for (Table<?> table : tables) {
                StringBuilder csv = new StringBuilder();
                Field<?>[] fields = table.fields();
                for (Record r : file.dsl().selectFrom(table).fetch()) {
                    for (int i = 0; i < fields.length; i++) {
                        if (i > 0) {
                            csv.append(',');
                        }
                        Object value = r.get(i);
                        if (value != null) {
                            csv.append('"').append(String.valueOf(value).replace("\"", "\"\"")).append('"');
                        }
                    }
                    csv.append('\n');
                }
                String columns = java.util.Arrays.stream(fields).map(f -> quote(f.getName())).collect(Collectors.joining(", "));
                rows += copy.copyIn("COPY " + quote(table.getName()) + " (" + columns + ") FROM STDIN (FORMAT csv)",
                        new StringReader(csv.toString()));
                if (table.getIdentity() != null) {
                    String name = table.getIdentity().getField().getName();
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT setval(pg_get_serial_sequence('" + table.getName() + "', '" + name + "'), coalesce(max("
                                + quote(name) + "), 0) + 1, false) FROM " + quote(table.getName()));
                    }
                }
            }
            c.commit();
        }
        return rows;
    }

    private Object sync() throws Exception {
        try (MissionFile m = MissionFile.open(laptop, work.resolve("backups")); TeamServer server = connect()) {
            EditContext edit = new EditContext("bench-laptop-member", "bench-laptop", Clock.systemUTC());
            ServerSync.Result result = new ServerSync(m, server).sync(edit, MergeDecisions.of(null, null, false), line -> { });
            if (result.rowsPushed() != changedUuids.size() || !result.incremental()) {
                throw new IllegalStateException("the sync pushed " + result.rowsPushed() + " rows, not " + changedUuids.size()
                        + (result.incremental() ? "" : ", comparing every table (no marks of an earlier sync)"));
            }
            return result;
        }
    }

    private Object plainUpdate() throws Exception {
        try (Connection c = jdbc(); var update = c.prepareStatement("UPDATE essp SET notes = ?, version = version + 1 WHERE uuid = ?")) {
            c.setAutoCommit(false);
            for (String uuid : changedUuids) {
                update.setString(1, "plain " + uuid);
                update.setString(2, uuid);
                update.addBatch();
            }
            int rows = update.executeBatch().length;
            c.commit();
            return rows;
        }
    }

    /** The server's connection is opened once, outside the measured work (as a window keeps its mission open). */
    private Object indicesOnServer() throws Exception {
        if (reader == null) {
            reader = connect();
        }
        return indices(reader.dsl());
    }

    private Object indicesOnFile() {
        return indices(file.dsl());
    }

    private static List<AggregateRow> indices(DSLContext dsl) {
        var result = ReadinessCalculator.compute(new ReadinessDataRepository(dsl).load(), ReadinessRules.ofMission(dsl));
        List<AggregateRow> rows = new ArrayList<>();
        for (AggregationLevel level : AggregationLevel.values()) {
            rows.addAll(ReadinessAggregator.aggregate(result, level));
        }
        return rows;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        if (file != null) {
            file.close();
        }
    }
}
