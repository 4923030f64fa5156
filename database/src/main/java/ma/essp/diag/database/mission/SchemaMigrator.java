package ma.essp.diag.database.mission;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.sqlite.SQLiteDataSource;

/**
 * Applies the Flyway migrations (the single source of truth of the schema) to a mission file: those whose SQL is the
 * same on both vendors from {@code db/common}, the SQLite ones from {@code db/sqlite} (the team server reads
 * {@code db/common} and {@code db/postgresql}). A version lives in exactly one of the two folders Flyway reads: it
 * refuses a version found twice. Moving a file between folders keeps its checksum (Flyway's checksum is over the
 * file's lines, not its path), so missions and servers migrated before a move still validate.
 */
public final class SchemaMigrator {

    /** The migrations whose SQL is the same for SQLite and PostgreSQL. */
    public static final String COMMON_LOCATION = "classpath:db/common";
    /** The mission file's migrations: the common ones and the SQLite ones. */
    public static final String[] LOCATIONS = {COMMON_LOCATION, "classpath:db/sqlite"};
    /**
     * The newest migration of this build, known without asking Flyway: its scan of the classpath cost every start
     * (the window and each command) a noticeable part of its fixed time. {@code MigrationTest} checks that it is the
     * highest version Flyway finds: a new migration must raise it.
     */
    static final int LATEST_VERSION = 28;
    /**
     * Test hook: a child JVM started with {@code -Dessp.diag.test.pause=<point>} prints {@code PAUSED <point>} and
     * sleeps there, so that a test can kill it at that exact point ("after-backup", "before-stamp").
     */
    static final String PAUSE_PROPERTY = "essp.diag.test.pause";

    /**
     * What Flyway's scan tells of this build's migrations: the newest version and the first one (which marks a
     * mission whose application id is not stamped yet; only such files need the scan).
     */
    private record Known(int latestVersion, String firstDescription, Integer firstChecksum) {
    }

    private static volatile Known known;

    private SchemaMigrator() {
    }

    private static Known known() {
        Known k = known;
        if (k == null) {
            SQLiteDataSource memory = new SQLiteDataSource();
            memory.setUrl("jdbc:sqlite::memory:");
            int max = 0;
            String firstDescription = null;
            Integer firstChecksum = null;
            for (MigrationInfo info : flyway(memory).info().all()) {
                if (info.getVersion() != null) {
                    int version = Integer.parseInt(info.getVersion().getVersion());
                    max = Math.max(max, version);
                    if (version == 1) {
                        firstDescription = info.getDescription();
                        firstChecksum = info.getChecksum();
                    }
                }
            }
            known = k = new Known(max, firstDescription, firstChecksum);
        }
        return k;
    }

    /** The newest schema version this build of the application knows. */
    public static int latestVersion() {
        return LATEST_VERSION;
    }

    /** The newest version among the migrations Flyway finds on the class path (the scan {@link #LATEST_VERSION} avoids). */
    static int scannedLatestVersion() {
        return known().latestVersion();
    }

    /** The description Flyway records for V1 in a mission's history. */
    static String firstDescription() {
        return known().firstDescription();
    }

    /** The checksum Flyway records for V1 in a mission's history. */
    static Integer firstChecksum() {
        return known().firstChecksum();
    }

    /** Migrates the file to the latest version and stamps user_version/application_id. */
    static MigrateResult migrate(Path file) throws SQLException {
        return migrate(file, null);
    }

    /**
     * Migrates up to {@code target} (null: the latest); tests use it to make files of older versions. The stamp
     * is a second step: a crash between the two leaves the history right and user_version behind, which
     * {@link MissionFile#open} notices (the history is the truth) and stamps again.
     */
    static MigrateResult migrate(Path file, String target) throws SQLException {
        SQLiteDataSource dataSource = new SQLiteDataSource(SqliteConnections.readWriteConfig());
        dataSource.setUrl(MissionFile.url(file));
        Flyway flyway = target == null ? flyway(dataSource)
                : Flyway.configure(SchemaMigrator.class.getClassLoader()).dataSource(dataSource).locations(LOCATIONS)
                        .loggers("slf4j").target(target).load();
        MigrateResult result = flyway.migrate();
        pauseForTest("before-stamp");
        stamp(file, target == null ? latestVersion() : Integer.parseInt(target));
        return result;
    }

    /** Writes the application id and the schema version into the SQLite header. */
    static void stamp(Path file, int version) throws SQLException {
        SQLiteDataSource dataSource = new SQLiteDataSource(SqliteConnections.readWriteConfig());
        dataSource.setUrl(MissionFile.url(file));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA application_id = " + MissionFile.APPLICATION_ID);
            statement.execute("PRAGMA user_version = " + version);
        }
    }

    static void pauseForTest(String point) {
        if (point.equals(System.getProperty(PAUSE_PROPERTY))) {
            System.out.println("PAUSED " + point);
            System.out.flush();
            try {
                Thread.sleep(Long.getLong(PAUSE_PROPERTY + ".millis", 120_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Flyway flyway(SQLiteDataSource dataSource) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .loggers("slf4j")
                .load();
    }
}
