package ma.essp.diag.database.server;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.MERGE_RUN;
import static ma.essp.diag.database.jooq.Tables.MISSION;
import static ma.essp.diag.database.jooq.Tables.SYNC_LOG;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Function;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.jooq.tables.records.SyncLogRecord;
import ma.essp.diag.database.merge.MergeBlockedException;
import ma.essp.diag.database.merge.MergeDecisions;
import ma.essp.diag.database.merge.MergeEngine;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.mission.MissionFileException;
import ma.essp.diag.database.repository.SyncedRows;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Synchronises a laptop's mission file with the team server: a three-way merge ({@link MergeEngine}) whose other side
 * is the server, in two steps.
 *
 * <ol>
 *   <li><b>Pull</b>: the server is read in one consistent snapshot (a REPEATABLE READ transaction) and merged into the
 *       laptop ({@code analyse(laptop, server)}): the server's changes are taken, the laptop's kept, conflicts decided
 *       by the caller's {@link MergeDecisions} (never silently: without a decision nothing is written,
 *       {@link MergeBlockedException}); applied in one SQLite transaction after a rolling backup of the file. The
 *       server's audit rows are copied in, so the laptop then holds the server's whole history.</li>
 *   <li><b>Push</b>: in one PostgreSQL transaction holding the sync lock ({@code pg_advisory_xact_lock}), the laptop
 *       is merged into the server ({@code analyse(server, laptop)}). Since the laptop holds the server's history, each
 *       of its own changes is taken and nothing is left to decide; a conflict resolved for the laptop's value is
 *       written over the server's, whose audit keeps the losing value (old value of the update) and whose
 *       {@code merge_journal} names it. If the server changed since the pull (its highest audit id moved: another
 *       laptop pushed), nothing is written and the sync pulls again (up to {@value #ATTEMPTS} times).</li>
 * </ol>
 * Both sides record the synchronisation in {@code sync_log}, with its marks: the server's highest audit id once pushed,
 * the laptop's once pulled, the schema version.
 *
 * <p><b>Incremental</b>: after a synchronisation both sides hold the same rows and the same history (each copied the
 * other's audit rows in). So the next one compares only the tables with an audit row after its mark on either side
 * (every write to a merged table leaves one: {@link SyncedRows} and the version triggers): nothing changed on either
 * side, it reads the marks and writes nothing but its {@code sync_log} rows. It compares every table when the marks
 * cannot be trusted: no earlier synchronisation with a mark (a file copied or written before schema 27), the server
 * holds no {@code sync_log} row equal to the laptop's last one (another server, or one initialised again), the schema
 * was upgraded since, or an undo of a merge ran on either side since (it takes history back). A connection lost during the push rolls the server's
 * transaction back (PostgreSQL), the laptop keeps what it pulled; synchronising again neither loses nor doubles a
 * change (the merge matches rows by uuid and the audit by signature). The laptop file never needs the server to work.
 *
 * <p>An ESSP code given out both on the server and on this laptop to different ESSPs is refused (the merge would
 * renumber the server's ESSP on this laptop only, and the next push would then conflict with the server): the laptop's
 * ESSP is to be given another code first.
 */
public final class ServerSync {

    /** The key of the advisory lock that serialises pushes on one server database ("ESSPSYNC"). */
    static final long LOCK = 0x4553535053594e43L;
    static final int ATTEMPTS = 3;

    /** What a synchronisation would do: the pull into the laptop and, as things stand, the push to the server. */
    public record Preview(MergePlan pull, MergePlan push) {
    }

    /**
     * The marks of the last synchronisation both sides recorded: the changes after them are the ones to compare.
     */
    record Marks(int serverAuditId, int laptopAuditId) {
    }

    /** What a synchronisation did. {@code backup}: the laptop's rolling backup taken before the pull (null: nothing pulled). */
    public record Result(int rowsPulled, int rowsPushed, int conflicts, int pullRunId, int pushRunId, Path backup,
                         int attempts, OffsetDateTime serverTime, boolean incremental, List<String> pullTables,
                         List<String> pushTables) {
    }

    /**
     * The synchronisation was cancelled between two steps. {@code afterPull}: the pull was committed on the laptop
     * ({@code rowsPulled} rows) and the server left untouched; otherwise nothing was written on either side.
     */
    public static final class Cancelled extends RuntimeException {
        private final boolean afterPull;
        private final int rowsPulled;

        Cancelled(boolean afterPull, int rowsPulled) {
            super(afterPull ? "cancelled after the pull: " + rowsPulled + " row(s) kept on this laptop, nothing pushed"
                    : "cancelled before the pull: nothing written");
            this.afterPull = afterPull;
            this.rowsPulled = rowsPulled;
        }

        public boolean afterPull() {
            return afterPull;
        }

        public int rowsPulled() {
            return rowsPulled;
        }
    }

    /** A row of the push the server does not let this member write: {@code uuid} the server's row, {@code label} as the plan names it. */
    public record RefusedRow(String table, String uuid, String label) {
    }

    /**
     * The server refused the push because it writes rows outside the scope of the member's login (row-level security,
     * db/postgresql/afterMigrate__roles.sql): nothing of the push was written on the server (its transaction rolled
     * back), the laptop keeps what it pulled. {@code rows}: every row of the push the server does not let this login
     * write (checked before writing: existing rows it may not update, new or updated rows whose place is outside its
     * scope); should the server still refuse a row at its write, that one.
     */
    public static final class OutsideScope extends ServerException {
        private final List<RefusedRow> rows;

        public OutsideScope(String user, List<RefusedRow> rows, Throwable cause) {
            super("the server refused the push: " + rows.size() + " row(s) outside the scope of " + user + " ("
                    + rows.stream().limit(5).map(r -> r.table() + " " + r.label()).collect(Collectors.joining("; "))
                    + (rows.size() > 5 ? "; ..." : "") + "); nothing was pushed, this laptop keeps what it pulled."
                    + " They are pushed by a coordinator or by the member whose scope they are in", cause);
            this.rows = List.copyOf(rows);
        }

        public List<RefusedRow> rows() {
            return rows;
        }
    }

    /** Carries {@link OutsideScope} out of the push transaction (which it rolls back). */
    private static final class Refusal extends RuntimeException {
        final List<RefusedRow> rows;

        Refusal(List<RefusedRow> rows) {
            super(null, null, false, false);
            this.rows = rows;
        }
    }

    /** "outside the scope of LOGIN: row UUID of table TABLE (essp-scope)", raised by essp_scope_check on the server. */
    private static final Pattern SCOPE_REFUSAL = Pattern.compile("outside the scope of .*?: row (\\S+) of table (\\S+) \\(essp-scope\\)");

    /** A hook inside the push transaction once the server's rows are written, before it commits (tests drop the connection there). */
    interface PushHook {
        void beforeCommit(DSLContext transaction);
    }

    private final MissionFile laptop;
    private final TeamServer server;
    private final MergeEngine engine = new MergeEngine();
    PushHook hook = transaction -> { };
    /** Runs between the pull and the push (tests let another laptop push there). */
    Runnable afterPull = () -> { };

    public ServerSync(MissionFile laptop, TeamServer server) {
        this.laptop = laptop;
        this.server = server;
    }

    /**
     * The mission uuid both sides hold, checked: the server holds a mission, at this file's schema version, and the
     * same mission as the file.
     */
    public String check() throws ServerException {
        int serverVersion = server.schemaVersion();
        if (serverVersion == 0) {
            throw new ServerException("the database " + server.address().url() + " holds no mission: a coordinator creates it with "
                    + "essp-diag server init --from FILE");
        }
        if (serverVersion != laptop.schemaVersion()) {
            throw new ServerException("the server's mission schema is at version " + serverVersion + ", this file's at "
                    + laptop.schemaVersion() + (serverVersion < laptop.schemaVersion()
                    ? ": a coordinator upgrades the server with essp-diag server init" : ": update essp-diag on this laptop"));
        }
        String mine = missionUuid(laptop.dsl());
        String theirs = readServer(ServerSync::missionUuid);
        if (theirs == null) {
            throw new ServerException("the server holds no mission yet: a coordinator copies one with essp-diag server init --from FILE");
        }
        if (!theirs.equals(mine)) {
            throw new ServerException("the server holds another mission (" + theirs + ") than this file (" + mine + "): nothing synchronised");
        }
        return mine;
    }

    /** What {@link #sync} would pull and push, nothing written. */
    public Preview preview() throws ServerException {
        String mission = check();
        return snapshot(tx -> {
            Set<String> only = changedTables(tx, marks(tx));
            return new Preview(engine.analyse(laptop.dsl(), tx, serverName(), mission, only),
                    engine.analyse(tx, laptop.dsl(), laptopName(), mission, only));
        });
    }

    /**
     * Pulls then pushes, as the class comment says. {@code progress} gets one line per step.
     *
     * @throws MergeBlockedException the pull needs decisions it was not given (nothing written on either side)
     * @throws OutsideScope         the server refused to let this member write rows of the push (row-level security)
     * @throws ServerException       the server cannot be used, refused the push (a reader), or the connection was lost
     */
    public Result sync(EditContext edit, MergeDecisions decisions, Consumer<String> progress)
            throws ServerException, MissionFileException {
        return sync(edit, decisions, progress, () -> false);
    }

    /**
     * {@link #sync(EditContext, MergeDecisions, Consumer)} that checks {@code cancelled} between steps: before the pull
     * (nothing written) and between the pull and the push (the pull stays committed on the laptop, the server is
     * untouched); a pull or push under way runs to its end (one transaction each).
     *
     * @throws Cancelled {@code cancelled} answered true at a check
     */
    public Result sync(EditContext edit, MergeDecisions decisions, Consumer<String> progress, BooleanSupplier cancelled)
            throws ServerException, MissionFileException {
        String mission = check();
        Path backup = null;
        int pulled = 0;
        int conflicts = 0;
        int pullRun = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled(pulled > 0 || attempt > 1, pulled);
            }
            progress.accept("pull: reading the server");
            Pulled pull = snapshot(tx -> {
                Marks marks = marks(tx);
                return new Pulled(engine.analyse(laptop.dsl(), tx, serverName(), mission, changedTables(tx, marks)),
                        maxAuditId(tx), marks);
            });
            refuseCodeClashes(pull.plan());
            if (!pull.plan().nothingToDo() && backup == null) {
                backup = MissionBackup.take(laptop, MissionBackup.Reason.MERGE);
            }
            MergeEngine.Applied applied = engine.apply(laptop.dsl(), edit, pull.plan(), decisions,
                    backup == null ? null : backup.toString());
            pulled += applied.rowsWritten();
            conflicts += pull.plan().conflicts().size();
            pullRun = applied.runId() == 0 ? pullRun : applied.runId();
            progress.accept("pull: " + applied.rowsWritten() + " row(s) written on this laptop");
            int laptopAudit = maxAuditId(laptop.dsl());
            afterPull.run();
            if (cancelled.getAsBoolean()) {
                throw new Cancelled(true, pulled);
            }
            progress.accept("push: writing to the server");
            Pushed push = push(edit, mission, pull, laptopAudit, pulled, conflicts, pullRun);
            if (push != null) {
                progress.accept("push: " + push.rows() + " row(s) written on the server");
                SyncLogRecord log = record(edit, push.serverAuditId(), laptopAudit, pulled, push.rows(), conflicts, pullRun,
                        push.runId());
                log.setSyncedAt(push.syncedAt()); // the same row on both sides: the next sync finds it on the server
                SyncedRows.appendLog(laptop.dsl(), log);
                return new Result(pulled, push.rows(), conflicts, pullRun, push.runId(), backup, attempt, push.serverTime(),
                        pull.marks() != null, pull.plan().analysedTables(), push.tables());
            }
            progress.accept("the server changed since the pull: pulling again");
        }
        throw new ServerException("the server kept changing during the synchronisation (" + ATTEMPTS
                + " attempts): what was pulled is kept on this laptop; synchronise again");
    }

    private record Pulled(MergePlan plan, int serverAuditId, Marks marks) {
    }

    private record Pushed(int rows, int runId, int serverAuditId, OffsetDateTime serverTime, List<String> tables,
                          String syncedAt) {
    }

    /**
     * The marks of this laptop's last synchronisation, when they can be trusted (see the class comment), else null.
     * {@code server}: the server in the transaction reading it.
     */
    Marks marks(DSLContext server) {
        SyncLogRecord last = laptop.dsl().selectFrom(SYNC_LOG).orderBy(SYNC_LOG.ID.desc()).limit(1).fetchOne();
        if (last == null || last.getLaptopAuditId() == null || last.getSchemaVersion() == null
                || last.getSchemaVersion() != laptop.schemaVersion()) {
            return null;
        }
        boolean sameOnServer = server.fetchExists(SYNC_LOG, SYNC_LOG.SYNCED_AT.eq(last.getSyncedAt())
                .and(SYNC_LOG.MEMBER_UUID.eq(last.getMemberUuid())).and(SYNC_LOG.DEVICE_ID.eq(last.getDeviceId()))
                .and(SYNC_LOG.SERVER_AUDIT_ID.eq(last.getServerAuditId())).and(SYNC_LOG.LAPTOP_AUDIT_ID.eq(last.getLaptopAuditId()))
                .and(SYNC_LOG.SCHEMA_VERSION.eq(last.getSchemaVersion())));
        if (!sameOnServer || undoneSince(laptop.dsl(), last.getLaptopAuditId()) || undoneSince(server, last.getServerAuditId())) {
            return null;
        }
        return new Marks(last.getServerAuditId(), last.getLaptopAuditId());
    }

    /** Whether an undo of a merge wrote audit rows after {@code auditId}. */
    private static boolean undoneSince(DSLContext dsl, int auditId) {
        return dsl.fetchExists(MERGE_RUN, MERGE_RUN.UNDO_AUDIT_LAST_ID.gt(auditId));
    }

    /**
     * The merged tables changed on either side since {@code marks} (an audit row after the mark); null when there are
     * no marks: every table is compared.
     */
    private Set<String> changedTables(DSLContext server, Marks marks) {
        if (marks == null) {
            return null;
        }
        Set<String> changed = new TreeSet<>(changedSince(laptop.dsl(), marks.laptopAuditId()));
        changed.addAll(changedSince(server, marks.serverAuditId()));
        return changed;
    }

    /** The merged tables with an audit row after {@code auditId}. */
    static Set<String> changedSince(DSLContext dsl, int auditId) {
        Set<String> names = new HashSet<>(dsl.selectDistinct(AUDIT_LOG.TABLE_NAME).from(AUDIT_LOG)
                .where(AUDIT_LOG.ID.gt(auditId)).fetch(AUDIT_LOG.TABLE_NAME));
        names.retainAll(MergeEngine.mergedTables());
        return names;
    }

    /** The push, in one server transaction under the sync lock; null when the server changed since the pull. */
    private Pushed push(EditContext edit, String mission, Pulled pull, int laptopAudit, int pulled, int conflicts,
                        int pullRun) throws ServerException {
        try {
            return server.dsl().transactionResult(configuration -> {
                DSLContext tx = configuration.dsl();
                lock(tx);
                if (maxAuditId(tx) != pull.serverAuditId()) {
                    return null;
                }
                // the server is as the pull read it; the laptop holds what the pull wrote since its mark
                MergePlan plan = engine.analyse(tx, laptop.dsl(), laptopName(), mission, changedTables(tx, pull.marks()));
                List<RefusedRow> refused = outsideScope(tx, plan);
                if (!refused.isEmpty()) {
                    throw new Refusal(refused);
                }
                MergeEngine.Applied applied = engine.apply(tx, edit, plan, MergeDecisions.of(null, null, false), null);
                hook.beforeCommit(tx);
                int audit = maxAuditId(tx);
                SyncLogRecord serverLog = record(edit, audit, laptopAudit, pulled, applied.rowsWritten(), conflicts, pullRun,
                        applied.runId());
                SyncedRows.appendLog(tx, serverLog);
                OffsetDateTime time = tx.select(DSL.currentOffsetDateTime()).fetchOne().value1();
                return new Pushed(applied.rowsWritten(), applied.runId(), audit, time, plan.analysedTables(),
                        serverLog.getSyncedAt());
            });
        } catch (Refusal e) {
            throw new OutsideScope(server.address().user(), e.rows, null);
        } catch (MergeBlockedException e) {
            throw new ServerException("the server holds changes this laptop has not reviewed (" + e.getMessage()
                    + "): synchronise again", e);
        } catch (DataAccessException e) {
            if (e.getCause() instanceof Refusal refusal) {
                throw new OutsideScope(server.address().user(), refusal.rows, null);
            }
            Matcher scope = SCOPE_REFUSAL.matcher(String.valueOf(e.getMessage()));
            if ("42501".equals(e.sqlState()) && scope.find()) {
                throw new OutsideScope(server.address().user(), List.of(new RefusedRow(scope.group(2), scope.group(1),
                        "new row " + scope.group(1))), e);
            }
            if (e.getCause() instanceof MergeBlockedException blocked) {
                throw new ServerException("the server holds changes this laptop has not reviewed (" + blocked.getMessage()
                        + "): synchronise again", blocked);
            }
            throw failure("push", e);
        }
    }

    /**
     * Every row of {@code plan} the server would refuse to let this login write, checked before anything is written
     * (PostgreSQL would stop at the first): the existing server rows it would update or soft-delete that the server
     * does not let this login update ({@code SELECT ... FOR UPDATE} returns only the rows its update policies let
     * through, and locks them until the push commits); then the rows as they would be written, new ones and updated
     * ones, against the policies' places ({@code essp_scope_allows} on the server). A new row that belongs to a new
     * row of the push (a position of a new ESSP) has that row's place: listed when that row is refused, else left to
     * the server's own check at its insert.
     */
    private static List<RefusedRow> outsideScope(DSLContext tx, MergePlan plan) {
        List<RefusedRow> refused = new ArrayList<>(updatesOutsideScope(tx, plan));
        refused.addAll(ServerScopeCheck.writesOutsideScope(tx, plan, refused));
        return refused;
    }

    /** The existing server rows {@code plan} would update or soft-delete that the server does not let this login update. */
    private static List<RefusedRow> updatesOutsideScope(DSLContext tx, MergePlan plan) {
        Map<String, Map<String, MergePlan.RowDiff>> written = new LinkedHashMap<>();
        for (MergePlan.RowDiff r : plan.rows()) {
            if (r.mineUuid() != null && r.fields().stream().anyMatch(f -> f.kind() != MergePlan.FieldKind.KEPT)) {
                written.computeIfAbsent(r.table(), t -> new LinkedHashMap<>()).put(r.mineUuid(), r);
            }
        }
        List<RefusedRow> refused = new ArrayList<>();
        written.forEach((name, rows) -> {
            Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(name);
            Field<String> uuid = DSL.field(DSL.name(name, "uuid"), String.class);
            List<String> uuids = List.copyOf(rows.keySet());
            Set<String> writable = new HashSet<>();
            for (int from = 0; from < uuids.size(); from += 1000) {
                writable.addAll(tx.select(uuid).from(table).where(uuid.in(uuids.subList(from, Math.min(uuids.size(), from + 1000))))
                        .forUpdate().fetch(uuid));
            }
            rows.forEach((u, r) -> {
                if (!writable.contains(u)) {
                    refused.add(new RefusedRow(name, u, r.label()));
                }
            });
        });
        return refused;
    }

    /**
     * Takes the sync lock until the end of the caller's transaction. Every writer of the server takes it (the push,
     * {@link ServerMembers}): the audit ids of the server are then given out in the order the writes commit, so no
     * change gets an id below the mark of a synchronisation that committed before it (an incremental sync would miss it).
     */
    static void lock(DSLContext tx) {
        tx.select(DSL.function(DSL.name("pg_advisory_xact_lock"), Object.class, DSL.inline(LOCK))).fetch();
    }

    /** A server read in one consistent snapshot. */
    private <T> T snapshot(Function<DSLContext, T> read) throws ServerException {
        try {
            server.dsl().connection(c -> c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ));
            try {
                return server.dsl().transactionResult(configuration -> read.apply(configuration.dsl()));
            } finally {
                server.dsl().connection(c -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
            }
        } catch (DataAccessException e) {
            throw failure("pull", e);
        }
    }

    private <T> T readServer(Function<DSLContext, T> read) throws ServerException {
        try {
            return read.apply(server.dsl());
        } catch (DataAccessException e) {
            throw failure("read", e);
        }
    }

    /** A server error in words: a refusal of the role, a lost connection, or the server's own message. */
    private ServerException failure(String step, DataAccessException e) {
        String state = e.sqlState() == null ? "" : e.sqlState();
        String user = server.address().user();
        if (state.equals("42501")) {
            return new ServerException("the server refused the " + step + ": " + user + " may not write to the mission"
                    + " (permission denied: a reader's role only reads); this laptop keeps what it pulled", e);
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new ServerException("the connection to the server was lost during the " + step + ": the server rolled its"
                    + " transaction back, nothing of it was written there; this laptop keeps what it pulled. Synchronise again", e);
        }
        return new ServerException("the server failed during the " + step + ": " + e.getMessage(), e);
    }

    private static void refuseCodeClashes(MergePlan plan) throws ServerException {
        if (!plan.clashes().isEmpty()) {
            MergePlan.CodeClash c = plan.clashes().getFirst();
            throw new ServerException(plan.clashes().size() + " ESSP code(s) given out both on the server and on this laptop, e.g. "
                    + c.code() + ": " + c.theirsLabel() + " on the server, " + c.mineLabel() + " here. Give this laptop's ESSP "
                    + "another code, then synchronise again (nothing was written)");
        }
    }

    private SyncLogRecord record(EditContext edit, int serverAuditId, int laptopAuditId, int pulled, int pushed,
                                 int conflicts, int pullRun, int pushRun) {
        SyncLogRecord log = new SyncLogRecord();
        log.setSyncedAt(edit.now());
        log.setMemberUuid(edit.member());
        log.setDeviceId(edit.device());
        log.setServerUrl(server.address().url());
        log.setServerAuditId(serverAuditId);
        log.setLaptopAuditId(laptopAuditId);
        log.setSchemaVersion(laptop.schemaVersion());
        log.setRowsPulled(pulled);
        log.setRowsPushed(pushed);
        log.setConflicts(conflicts);
        log.setPullRunId(pullRun == 0 ? null : pullRun);
        log.setPushRunId(pushRun == 0 ? null : pushRun);
        return log;
    }

    private String serverName() {
        return server.address().url();
    }

    private String laptopName() {
        return laptop.path().getFileName().toString();
    }

    static String missionUuid(DSLContext dsl) {
        return dsl.select(MISSION.UUID).from(MISSION).where(MISSION.DELETED.isFalse()).orderBy(MISSION.ID).limit(1)
                .fetchOne(MISSION.UUID);
    }

    static int maxAuditId(DSLContext dsl) {
        return dsl.select(DSL.coalesce(DSL.max(AUDIT_LOG.ID), 0)).from(AUDIT_LOG).fetchOne().value1();
    }
}
