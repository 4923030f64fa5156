package ma.essp.diag.database.mission;

import static ma.essp.diag.database.mission.MissionFileException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * One mission: a single SQLite file ({@code *.essp}) in WAL mode with foreign keys on. Opening validates the
 * file first (SQLite header, integrity, application id, schema version) and refuses anything it cannot
 * safely use without touching it; an older schema is migrated after a backup copy.
 */
public final class MissionFile implements AutoCloseable {

    /** "ESSP" in ASCII: marks a SQLite file as an ESSP Diagnostic mission. */
    public static final int APPLICATION_ID = 0x45535350;
    public static final String EXTENSION = ".essp";
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(MissionFile.class);

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path path;
    private final SqliteConnections connections;
    private final DSLContext dsl;
    private final Optional<Path> backup;

    private MissionFile(Path path, Optional<Path> backup) {
        this.path = path;
        this.backup = backup;
        this.connections = new SqliteConnections(url(path), SqliteConnections.readWriteConfig());
        this.dsl = DSL.using(connections, SQLDialect.SQLITE, new Settings().withExecuteLogging(false));
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
        return new MissionFile(path, Optional.empty());
    }

    /**
     * Opens an existing mission. A file from an older version is copied into {@code backupDir} and migrated;
     * anything else that is wrong is refused with the file left untouched.
     */
    public static MissionFile open(Path path, Path backupDir) throws MissionFileException {
        Inspection inspection = inspect(path);
        Optional<Path> backup = Optional.empty();
        if (inspection.schemaVersion() < SchemaMigrator.latestVersion()) {
            backup = Optional.of(backup(path, backupDir, inspection.schemaVersion()));
            try {
                SchemaMigrator.migrate(path);
                LOG.info("Migrated {} from schema {} to {} (backup {})", path, inspection.schemaVersion(),
                        SchemaMigrator.latestVersion(), backup.get());
            } catch (SQLException | RuntimeException e) {
                throw new MissionFileException(path, Reason.FAILED_MIGRATION,
                        "the upgrade of the schema failed; the file was rolled back and a backup is in " + backup.get()
                                + " (" + rootMessage(e) + ")", e);
            }
        }
        return new MissionFile(path, backup);
    }

    /** What a read-only look at a file tells: its schema version, or why it cannot be used. */
    public record Inspection(int schemaVersion, int applicationId) {
    }

    /** Validates a file without changing it. */
    public static Inspection inspect(Path path) throws MissionFileException {
        if (!Files.exists(path)) {
            throw new MissionFileException(path, Reason.NOT_FOUND, "no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new MissionFileException(path, Reason.NOT_READABLE, "not a readable file");
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new MissionFileException(path, Reason.NOT_READABLE, "cannot read the file (" + e.getMessage() + ")", e);
        }
        if (read == 0) {
            throw new MissionFileException(path, Reason.EMPTY, "the file is empty");
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw new MissionFileException(path, Reason.NOT_SQLITE, "not a SQLite database, so not an ESSP Diagnostic mission");
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = readOnly.createConnection(url(path));
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(verdict)) {
                    throw new MissionFileException(path, Reason.CORRUPTED, "the database is damaged (" + verdict + ")");
                }
            }
            int applicationId = intPragma(statement, "application_id");
            boolean hasHistory;
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                hasHistory = rs.next() && rs.getInt(1) == 1;
            }
            if ((applicationId != 0 && applicationId != APPLICATION_ID) || !hasHistory) {
                throw new MissionFileException(path, Reason.NOT_A_MISSION, "a SQLite database, but not an ESSP Diagnostic mission");
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
            int latest = SchemaMigrator.latestVersion();
            if (version > latest) {
                throw new MissionFileException(path, Reason.NEWER_SCHEMA, "made by a newer version of ESSP Diagnostic (schema "
                        + version + ", this version reads up to " + latest + "): update the application");
            }
            return new Inspection(version, applicationId);
        } catch (SQLiteException e) {
            throw new MissionFileException(path, Reason.CORRUPTED, "the database is damaged or not a database (" + e.getResultCode() + ")", e);
        } catch (SQLException e) {
            throw new MissionFileException(path, Reason.IO_ERROR, "cannot read the database (" + e.getMessage() + ")", e);
        }
    }

    private static int intPragma(Statement statement, String pragma) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static Path backup(Path path, Path backupDir, int fromVersion) throws MissionFileException {
        String name = path.getFileName().toString().replaceFirst("\\.essp$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = backupDir.resolve(name + "-schema" + fromVersion + "-" + stamp + EXTENSION);
        try {
            Files.createDirectories(backupDir);
            copyConsistently(path, target);
            return target;
        } catch (IOException | SQLException e) {
            deleteQuietly(target);
            throw new MissionFileException(path, Reason.IO_ERROR, "cannot write the backup copy to " + target
                    + " before upgrading; the file was not changed (" + rootMessage(e) + ")", e);
        }
    }

    /** A consistent copy of a live SQLite file (VACUUM INTO reads one snapshot, WAL included). */
    public static void copyConsistently(Path source, Path target) throws SQLException, IOException {
        Files.deleteIfExists(target);
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = readOnly.createConnection(url(source));
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
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
