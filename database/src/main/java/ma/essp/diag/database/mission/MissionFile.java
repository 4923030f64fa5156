package ma.essp.diag.database.mission;

import static ma.essp.diag.database.mission.MissionFileException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * One mission: a single SQLite file ({@code *.essp}) in WAL mode with foreign keys on. Opening validates the
 * file first, read-only (application id, SQLite header, integrity, schema version and tables) and refuses
 * anything it cannot safely use without touching it; an older schema is migrated after a verified backup copy.
 */
public final class MissionFile implements AutoCloseable {

    /** "ESSP" in ASCII: marks a SQLite file as an ESSP Diagnostic mission. */
    public static final int APPLICATION_ID = 0x45535350;
    public static final String EXTENSION = ".essp";
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(MissionFile.class);
    private static final String HISTORY = "flyway_schema_history";
    /** The first bytes of a rollback journal's header (a zeroed header means the journal is not hot). */
    private static final byte[] JOURNAL_MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7};

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path path;
    private final SqliteConnections connections;
    private final DSLContext dsl;
    private final Optional<Path> backup;
    /** Whether the integrity check ran and passed in this process (or the file was made here). */
    private volatile boolean checked;

    private MissionFile(Path path, Optional<Path> backup, boolean checked) {
        this.path = path;
        this.backup = backup;
        this.checked = checked;
        this.connections = new SqliteConnections(url(path), SqliteConnections.readWriteConfig(), !checked);
        // the dialect is the opened database's, as jOOQ reads it from the connection URL
        this.dsl = DSL.using(connections, JDBCUtils.dialect(url(path)), new Settings().withExecuteLogging(false));
    }

    /** Creates a new, empty mission (schema and reference data) at a path that must not exist yet. */
    public static MissionFile create(Path path) throws MissionFileException {
        if (Files.exists(path)) {
            throw new MissionFileException(path, Reason.ALREADY_EXISTS, "the file already exists");
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SchemaMigrator.migrate(path);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteQuietly(path);
            throw new MissionFileException(path, Reason.IO_ERROR, "cannot create the mission file (" + rootMessage(e) + ")", e);
        }
        return new MissionFile(path, Optional.empty(), true);
    }

    /**
     * Opens an existing mission. A file from an older version is copied into {@code backupDir} (a verified copy)
     * and migrated, under a lock that keeps two processes from upgrading it at once; anything else that is wrong
     * is refused with the file left untouched (an interrupted write of a mission is rolled back first, as sqlite3
     * does).
     */
    public static MissionFile open(Path path, Path backupDir) throws MissionFileException {
        return open(path, backupDir, true);
    }

    /**
     * Opens a mission as {@link #open} does but, when it needs no upgrade, without its integrity check: the mission
     * is readable at once and <b>refuses every write</b> (SQLite's {@code query_only}) until {@link #checkIntegrity}
     * has passed and {@link #allowWrites} was called. What {@link #open} refuses without reading the whole file
     * (not a mission, newer schema, incomplete schema, read-only folder, in use) is refused here too. A file that
     * needs an upgrade is checked first, as by {@link #open}, and comes back writable.
     */
    public static MissionFile openWhileChecking(Path path, Path backupDir) throws MissionFileException {
        return open(path, backupDir, false);
    }

    private static MissionFile open(Path path, Path backupDir, boolean check) throws MissionFileException {
        Inspection inspection;
        try {
            inspection = inspect(path, check);
        } catch (MissionFileException e) {
            if (e.reason() != Reason.HOT_JOURNAL) {
                throw e;
            }
            rollBackHotJournal(path);
            inspection = inspect(path, check);
        }
        requireWritable(path);
        Optional<Path> backup = Optional.empty();
        boolean checked = check;
        if (!inspection.current() || Files.exists(UpgradeLock.lockFile(path))) {
            backup = upgradeLocked(path, backupDir); // inspects the file again, integrity check included
            checked = true;
        }
        MissionFile mission = new MissionFile(path, backup, checked);
        try {
            mission.dsl.fetchValue("SELECT count(*) FROM sqlite_master");
        } catch (DataAccessException e) {
            mission.close();
            throw refusal(path, e, Reason.IO_ERROR, "cannot open the database");
        }
        return mission;
    }

    /**
     * Backs up and migrates an older file, or stamps a file whose user_version lags behind its history (a crash
     * between the migration and the stamp), holding the upgrade lock; what another process did meanwhile is
     * looked at again once the lock is held, so a file is backed up and migrated once.
     */
    private static Optional<Path> upgradeLocked(Path path, Path backupDir) throws MissionFileException {
        try (UpgradeLock lock = UpgradeLock.acquire(path)) {
            Inspection now = inspect(path);
            int latest = SchemaMigrator.latestVersion();
            if (now.schemaVersion() < latest) {
                Path backup = backup(path, backupDir, now.schemaVersion());
                SchemaMigrator.pauseForTest("after-backup");
                try {
                    SchemaMigrator.migrate(path);
                } catch (SQLException | RuntimeException e) {
                    MissionFileException why = refusal(path, e, Reason.FAILED_MIGRATION, "");
                    if (why.reason() == Reason.IN_USE) {
                        throw why;
                    }
                    throw new MissionFileException(path, Reason.FAILED_MIGRATION,
                            "the upgrade of the schema failed; the file was rolled back and a backup is in " + backup
                                    + " (" + rootMessage(e) + ")", e);
                }
                LOG.info("Migrated {} from schema {} to {} (backup {})", path, now.schemaVersion(), latest, backup);
                return Optional.of(backup);
            }
            if (!now.current()) {
                LOG.info("Stamping {} with schema {} as its history says (user_version was {}, application_id {})",
                        path, latest, now.userVersion(), now.applicationId());
                SchemaMigrator.stamp(path, latest);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new MissionFileException(path, Reason.IO_ERROR, "cannot take the upgrade lock "
                    + UpgradeLock.lockFile(path) + " (" + e.getMessage() + ")", e);
        } catch (SQLException e) {
            throw refusal(path, e, Reason.IO_ERROR, "cannot write the schema version");
        }
    }

    /**
     * What a read-only look at a file tells. The schema version is the one of the Flyway history (the truth);
     * {@code userVersion} is the copy in the SQLite header, which a crash may have left behind.
     */
    public record Inspection(int schemaVersion, int applicationId, int userVersion) {

        /** Nothing to upgrade or stamp. */
        public boolean current() {
            int latest = SchemaMigrator.latestVersion();
            return schemaVersion == latest && userVersion == latest && applicationId == APPLICATION_ID;
        }
    }

    /**
     * Validates a file strictly read-only: nothing is written, no journal mode is changed, and no -wal/-shm is
     * created beside a file that has none (it is read as immutable then). A mission is recognised first, by its
     * application id, or by our own V1 in its Flyway history when the id is not stamped yet.
     */
    public static Inspection inspect(Path path) throws MissionFileException {
        return inspect(path, true);
    }

    /** {@link #inspect}, with or without SQLite's {@code quick_check} (a read of the whole file). */
    private static Inspection inspect(Path path, boolean quickCheck) throws MissionFileException {
        requireReadableFile(path);
        int headerApplicationId = headerApplicationId(path);
        if (headerApplicationId != 0 && headerApplicationId != APPLICATION_ID) {
            throw notAMission(path);
        }
        boolean hotJournal = hasHotJournal(path);
        try (Connection connection = readOnlyConnection(path, hotJournal || !hasCompanionFiles(path));
             Statement statement = connection.createStatement()) {
            if (headerApplicationId == 0 && !hasOurHistory(connection)) {
                throw notAMission(path);
            }
            if (hotJournal) {
                throw new MissionFileException(path, Reason.HOT_JOURNAL, "an interrupted write left "
                        + journal(path).getFileName() + " to roll back; opening the mission from a writable folder recovers it");
            }
            if (quickCheck) {
                quickCheck(path, statement);
            }
            if (!tableNames(statement).contains(HISTORY)) {
                throw incomplete(path, HISTORY);
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success = 0")) {
                if (rs.next() && rs.getInt(1) > 0) {
                    throw new MissionFileException(path, Reason.FAILED_MIGRATION, "an earlier schema upgrade of this file failed");
                }
            }
            int version = 0;
            try (ResultSet rs = statement.executeQuery(
                    "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
                if (rs.next()) {
                    version = rs.getInt(1);
                }
            }
            int userVersion = intPragma(statement, "user_version");
            int latest = SchemaMigrator.latestVersion();
            if (version > latest || userVersion > latest) {
                throw new MissionFileException(path, Reason.NEWER_SCHEMA, "made by a newer version of ESSP Diagnostic (schema "
                        + Math.max(version, userVersion) + ", this version reads up to " + latest + "): update the application");
            }
            if (version == latest) {
                requireAllTables(path, statement);
            }
            return new Inspection(version, intPragma(statement, "application_id"), userVersion);
        } catch (SQLException e) {
            throw refusal(path, e, Reason.CORRUPTED, "the database is damaged or not a database");
        }
    }

    private static void quickCheck(Path path, Statement statement) throws SQLException, MissionFileException {
        try (ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(verdict)) {
                throw new MissionFileException(path, Reason.CORRUPTED, "the database is damaged (" + verdict + ")");
            }
        }
    }

    /**
     * The integrity check {@link #openWhileChecking} left out ({@code quick_check} over the whole file, through
     * its own read-only connection): passes at once when it already ran. Blocks: call it off the FX thread.
     *
     * @throws MissionFileException CORRUPTED when the file is damaged (writes stay refused)
     */
    public void checkIntegrity() throws MissionFileException {
        if (checked) {
            return;
        }
        try (Connection connection = readOnlyConnection(path, false); Statement statement = connection.createStatement()) {
            quickCheck(path, statement);
        } catch (SQLException e) {
            throw refusal(path, e, Reason.CORRUPTED, "the database is damaged or not a database");
        }
        checked = true;
    }

    /** Lets this mission write, once {@link #checkIntegrity} has passed. */
    public void allowWrites() {
        if (!checked) {
            throw new IllegalStateException("writes are allowed only once the integrity check has passed: " + path);
        }
        connections.allowWrites();
    }

    /** Whether this mission writes (false between {@link #openWhileChecking} and {@link #allowWrites}). */
    public boolean writable() {
        return !connections.queryOnly();
    }

    private static void requireReadableFile(Path path) throws MissionFileException {
        if (!Files.exists(path)) {
            throw new MissionFileException(path, Reason.NOT_FOUND, "no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new MissionFileException(path, Reason.NOT_READABLE, "not a readable file");
        }
    }

    /** Reads the application id from the SQLite header itself, so that a foreign file is refused unopened. */
    private static int headerApplicationId(Path path) throws MissionFileException {
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new MissionFileException(path, Reason.NOT_READABLE, "cannot read the file (" + e.getMessage() + ")", e);
        }
        if (read == 0) {
            throw new MissionFileException(path, Reason.EMPTY, "the file is empty");
        }
        if (read < SQLITE_HEADER.length || !Arrays.equals(Arrays.copyOf(header, SQLITE_HEADER.length), SQLITE_HEADER)) {
            throw new MissionFileException(path, Reason.NOT_SQLITE, "not a SQLite database, so not an ESSP Diagnostic mission");
        }
        if (read < header.length) {
            throw new MissionFileException(path, Reason.CORRUPTED, "the database is damaged (its header is cut short)");
        }
        return ByteBuffer.wrap(header, 68, 4).getInt();
    }

    private static MissionFileException notAMission(Path path) {
        return new MissionFileException(path, Reason.NOT_A_MISSION, "a SQLite database, but not an ESSP Diagnostic mission");
    }

    private static MissionFileException incomplete(Path path, String table) {
        return new MissionFileException(path, Reason.SCHEMA_INCOMPLETE, "the schema is incomplete (table " + table
                + " missing): the file was altered outside ESSP Diagnostic");
    }

    /** Our Flyway history: a V1 with our description and checksum (another application's history is not ours). */
    private static boolean hasOurHistory(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!tableNames(statement).contains(HISTORY)) {
                return false;
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND description = ? AND checksum = ?")) {
            query.setString(1, SchemaMigrator.firstDescription());
            query.setObject(2, SchemaMigrator.firstChecksum());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_ERROR) {
                return false; // a history table without Flyway's columns
            }
            throw e;
        }
    }

    private static Set<String> tableNames(Statement statement) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Every table of the current schema (as jOOQ was generated from the migrations) must be there. */
    private static void requireAllTables(Path path, Statement statement) throws SQLException, MissionFileException {
        Set<String> present = tableNames(statement);
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (!present.contains(table.getName().toLowerCase(Locale.ROOT))) {
                throw incomplete(path, table.getName());
            }
        }
    }

    private static Path journal(Path path) {
        return Path.of(path + "-journal");
    }

    private static boolean hasCompanionFiles(Path path) {
        return Files.exists(Path.of(path + "-wal")) || Files.exists(journal(path));
    }

    /** A rollback journal with a valid header: an interrupted write that SQLite must roll back before reading. */
    private static boolean hasHotJournal(Path path) {
        byte[] head = new byte[JOURNAL_MAGIC.length];
        try (InputStream in = Files.newInputStream(journal(path))) {
            return in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, JOURNAL_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Rolls back an interrupted write of a mission the way sqlite3 does: by opening it read-write. */
    private static void rollBackHotJournal(Path path) throws MissionFileException {
        if (!writable(path)) {
            throw new MissionFileException(path, Reason.HOT_JOURNAL, "an interrupted write left " + journal(path).getFileName()
                    + ", which can only be rolled back in a writable folder: copy the mission together with that file"
                    + " to a writable folder and open it there");
        }
        SQLiteConfig config = new SQLiteConfig(); // no journal mode change: only what any SQLite reader does
        config.setBusyTimeout(5_000);
        try (Connection connection = config.createConnection(url(path)); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        } catch (SQLException e) {
            throw refusal(path, e, Reason.IO_ERROR, "cannot roll back the interrupted write");
        }
        LOG.info("Rolled back the interrupted write left in {}", journal(path));
    }

    private static boolean writable(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return Files.isWritable(path) && (parent == null || Files.isWritable(parent));
    }

    /** SQLite writes the mission and, beside it, its -wal and -shm: both the file and its folder must be writable. */
    private static void requireWritable(Path path) throws MissionFileException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isWritable(parent)) {
            throw new MissionFileException(path, Reason.READ_ONLY, "the folder is read-only: copy the mission to a writable folder");
        }
        if (!Files.isWritable(path)) {
            throw new MissionFileException(path, Reason.READ_ONLY, "the file is read-only: copy the mission to a writable folder");
        }
    }

    /** The true cause of a SQLite failure, in one line. */
    private static MissionFileException refusal(Path path, Throwable e, Reason fallback, String doing) {
        SQLiteException sqlite = null;
        for (Throwable t = e; t != null && sqlite == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException s) {
                sqlite = s;
            }
        }
        String code = sqlite == null ? "" : sqlite.getResultCode().name();
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return new MissionFileException(path, Reason.IN_USE, "in use by another program (the file is locked): close it there and try again", e);
        }
        if (code.equals("SQLITE_READONLY_ROLLBACK")) {
            return new MissionFileException(path, Reason.HOT_JOURNAL, "an interrupted write left " + journal(path).getFileName()
                    + " to roll back, which needs a writable folder", e);
        }
        if ((code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN")) && !writable(path)) {
            return new MissionFileException(path, Reason.READ_ONLY, "the folder is read-only: copy the mission to a writable folder", e);
        }
        if (code.startsWith("SQLITE_CORRUPT") || code.equals("SQLITE_NOTADB")) {
            return new MissionFileException(path, Reason.CORRUPTED, "the database is damaged (" + code + ")", e);
        }
        return new MissionFileException(path, fallback, doing + " (" + (code.isEmpty() ? rootMessage(e) : code) + ")", e);
    }

    private static int intPragma(Statement statement, String pragma) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static Path backup(Path path, Path backupDir, int fromVersion) throws MissionFileException {
        try {
            return MissionBackup.write(path, backupDir, fromVersion);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new MissionFileException(path, Reason.IO_ERROR, "cannot write a verified backup copy to " + backupDir
                    + " before upgrading; the file was not changed (" + rootMessage(e) + ")", e);
        }
    }

    /**
     * Deletes the unfinished backups ({@code .part}) that processes which stopped during a backup left in
     * {@code backupDir}; called at start. Only our own names are touched, never a live process's backup.
     */
    public static List<Path> sweepAbandonedBackups(Path backupDir) {
        return MissionBackup.sweepAbandoned(backupDir);
    }

    /** A read-only connection; {@code immutable}: SQLite neither locks nor creates -wal/-shm (no other writer). */
    static Connection readOnlyConnection(Path path, boolean immutable) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2_000);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config.createConnection("jdbc:sqlite:" + path.toAbsolutePath().toUri() + (immutable ? "?immutable=1" : ""));
    }

    /**
     * A consistent copy of a live SQLite file, page for page: SQLite's online backup, in one step, so that the whole
     * copy is read in one read transaction of the source (one snapshot, WAL included; what another connection writes
     * meanwhile is wholly in it or not). The copy is then put in rollback-journal mode, as a fresh file is, so that it
     * opens read only and as immutable like any copy (the backup copies the source's WAL mark).
     *
     * <p>A page copy, not {@code VACUUM INTO}: the same snapshot for a tenth of the work on a national mission (no
     * table or index is rebuilt; measured in the README, "Consolidation (merge) of two national copies"), and the
     * copy's pages are the source's own, so an integrity check of the copy checks the source's tables and indexes
     * themselves. Free pages are copied too (the copy is not compacted).
     */
    public static void copyConsistently(Path source, Path target) throws SQLException, IOException {
        Files.deleteIfExists(target);
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(2_000);
        try (Connection connection = readOnly.createConnection(url(source))) {
            org.sqlite.core.DB db = connection.unwrap(org.sqlite.SQLiteConnection.class).getDatabase();
            // all pages in one step (-1): one read transaction, never restarted by a writer of the source
            int rc = db.backup("main", target.toAbsolutePath().toString(), null, 100, 20, -1);
            if (rc != SQLiteErrorCode.SQLITE_OK.code && rc != SQLiteErrorCode.SQLITE_DONE.code) {
                throw new SQLException("the copy stopped (" + SQLiteErrorCode.getErrorCode(rc) + ")");
            }
        }
        SQLiteConfig copy = new SQLiteConfig();
        try (Connection connection = copy.createConnection(url(target)); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA journal_mode = DELETE")) {
            if (!rs.next() || !"delete".equalsIgnoreCase(rs.getString(1))) {
                throw new SQLException("the copy " + target + " could not be put in rollback-journal mode");
            }
        }
    }

    /**
     * Saves a consistent copy of this open mission ("Save as copy"), atomically; never over this mission, another
     * mission or any other SQLite database ({@link OutputTarget}).
     *
     * @throws OutputRefusedException if the target is refused (nothing written)
     */
    public void copyTo(Path target) throws MissionFileException, OutputRefusedException {
        try {
            AtomicOutput.write(target, OutputTarget.Policy.OUTPUT, part -> copyConsistently(path, part));
        } catch (OutputRefusedException e) {
            throw e;
        } catch (IOException | SQLException e) {
            throw new MissionFileException(target, Reason.IO_ERROR, "cannot write the copy (" + rootMessage(e) + ")", e);
        }
    }

    static String url(Path path) {
        return "jdbc:sqlite:" + path.toAbsolutePath();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(Path.of(path + "-wal"));
            Files.deleteIfExists(Path.of(path + "-shm"));
        } catch (IOException ignored) {
            // best effort: the caller reports the original problem
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public Path path() {
        return path;
    }

    /** The one DSLContext of this mission; thread-safe, never reconfigured. */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * The SQL dialect of the opened database, the one {@link #dsl()} renders for; code that needs to know which
     * database it talks to asks here (or {@code dsl().dialect()}), never assumes SQLite.
     */
    public SQLDialect dialect() {
        return dsl.dialect();
    }

    /** The backup written before migrating an older file, if there was one. */
    public Optional<Path> backup() {
        return backup;
    }

    public int schemaVersion() {
        return dsl.resultQuery("PRAGMA user_version").fetchOne(0, Integer.class);
    }

    @Override
    public void close() {
        connections.close();
    }
}
