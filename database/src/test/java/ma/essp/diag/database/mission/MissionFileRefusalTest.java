package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.mission.MissionFileTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import ma.essp.diag.database.mission.MissionFileException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each refusal gives its true cause, leaves the file byte for byte as it was, and leaves nothing beside it. */
class MissionFileRefusalTest {

    @TempDir
    Path dir;

    private Path backups() {
        return dir.resolve("backups");
    }

    private Path mission(String name) throws Exception {
        Path file = dir.resolve(name);
        MissionFile.create(file).close();
        return file;
    }

    private static void execute(Path file, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(MissionFile.url(file)); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** Opens, expects the refusal, and checks the promises every refusal keeps. */
    private MissionFileException refused(Path file, Reason reason) throws Exception {
        String before = sha256(file);
        List<Path> beside = besides(file);
        MissionFileException refusal = null;
        try {
            MissionFile.open(file, backups()).close();
        } catch (MissionFileException e) {
            refusal = e;
        }
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.reason()).as(refusal.getMessage()).isEqualTo(reason);
        assertThat(refusal.getMessage()).startsWith(file.toString()).doesNotContain("\n");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(besides(file)).as("files beside the refused one").isEqualTo(beside);
        assertThat(Path.of(file + "-wal")).doesNotExist();
        assertThat(Path.of(file + "-shm")).doesNotExist();
        assertThat(backups()).doesNotExist();
        return refusal;
    }

    private static List<Path> besides(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(file.getFileName().toString())).sorted().toList();
        }
    }

    @Test
    void aForeignFlywayDatabaseIsNotAMissionAndIsNeverWritten() throws Exception {
        Path other = dir.resolve("inventory.db");
        execute(other, "PRAGMA journal_mode = DELETE",
                "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),"
                        + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
                        + " checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TEXT, execution_time INT NOT NULL, success BOOLEAN NOT NULL)",
                "INSERT INTO flyway_schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', 12345, 'sa', '2024-01-01', 3, 1)",
                "INSERT INTO flyway_schema_history VALUES (2, '99', 'stock', 'SQL', 'V99__stock.sql', 678, 'sa', '2024-01-01', 3, 1)",
                "CREATE TABLE stock (item TEXT, quantity INT)");
        MissionFileException e = refused(other, Reason.NOT_A_MISSION);
        assertThat(e.getMessage()).contains("not an ESSP Diagnostic mission");
        assertThat(Path.of(other + "-journal")).doesNotExist();
        assertThat(scalar(other, "PRAGMA journal_mode")).isEqualTo("delete");
    }

    @Test
    void aForeignFlywayDatabaseAtAnOlderVersionIsNeitherBackedUpNorMigrated() throws Exception {
        // version 1 in another application's history: before, this was "older", so backed up and migrated
        Path other = dir.resolve("crm.sqlite");
        execute(other, "PRAGMA journal_mode = DELETE",
                "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),"
                        + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
                        + " checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TEXT, execution_time INT NOT NULL, success BOOLEAN NOT NULL)",
                "INSERT INTO flyway_schema_history VALUES (1, '1', 'customers', 'SQL', 'V1__customers.sql', 4242, 'sa', '2024-01-01', 3, 1)");
        refused(other, Reason.NOT_A_MISSION);
    }

    @Test
    void aDatabaseWithAnotherApplicationIdIsRefusedFromItsHeaderAlone() throws Exception {
        Path other = dir.resolve("other.essp");
        execute(other, "PRAGMA journal_mode = DELETE", "PRAGMA application_id = 1234", "CREATE TABLE t (x)");
        refused(other, Reason.NOT_A_MISSION);
    }

    @Test
    void aMissionWithATableMissingSaysTheSchemaIsIncomplete() throws Exception {
        Path file = mission("cut.essp");
        execute(file, "DROP TABLE recommendation");
        MissionFileException e = refused(file, Reason.SCHEMA_INCOMPLETE);
        assertThat(e.getMessage()).contains("schema is incomplete (table recommendation missing)")
                .contains("altered outside ESSP Diagnostic");
    }

    @Test
    void aVersionAboveOursRecordedOnlyInUserVersionIsRefused() throws Exception {
        Path file = mission("ahead.essp");
        execute(file, "PRAGMA user_version = 99");
        MissionFileException e = refused(file, Reason.NEWER_SCHEMA);
        assertThat(e.getMessage()).contains("schema 99").contains("reads up to " + SchemaMigrator.latestVersion());
    }

    @Test
    void aMissionLockedByAnotherProgramIsInUseNotDamaged() throws Exception {
        Path file = mission("busy.essp");
        String before = sha256(file);
        try (Connection other = DriverManager.getConnection(MissionFile.url(file)); Statement s = other.createStatement()) {
            s.execute("PRAGMA locking_mode = EXCLUSIVE");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("UPDATE region SET population_2024 = population_2024 + 1");
            assertThatThrownBy(() -> MissionFile.open(file, backups()))
                    .isInstanceOfSatisfying(MissionFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.IN_USE);
                        assertThat(e.getMessage()).contains("in use by another program");
                    });
            s.execute("ROLLBACK");
        }
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(backups()).doesNotExist();
    }

    @Test
    void aHotJournalOfAMissionIsRolledBackAsSqliteDoes() throws Exception {
        Path file = hotJournalCopy();
        try (MissionFile mission = MissionFile.open(file, backups())) {
            // the interrupted transaction (doubling every province's population) is gone
            assertThat(mission.dsl().resultQuery("SELECT sum(length(payload)) FROM scratch").fetchOne(0, Long.class)).isEqualTo(3000L * 1000);
            assertThat(mission.dsl().fetchCount(PROVINCE)).isEqualTo(83);
        }
        assertThat(Path.of(file + "-journal")).doesNotExist();
        assertThat(backups()).doesNotExist();
    }

    @Test
    void aHotJournalInAReadOnlyFolderIsExplainedAndNothingChanges() throws Exception {
        Path file = hotJournalCopy();
        readOnly(file.getParent());
        try {
            MissionFileException e = refused(file, Reason.HOT_JOURNAL);
            assertThat(e.getMessage()).contains("hot.essp-journal").contains("writable folder");
        } finally {
            writable(file.getParent());
        }
    }

    @Test
    void aMissionInAReadOnlyFolderSaysSo() throws Exception {
        Path file = mission("ro/m.essp");
        readOnly(file.getParent());
        try {
            MissionFileException e = refused(file, Reason.READ_ONLY);
            assertThat(e.getMessage()).endsWith("the folder is read-only: copy the mission to a writable folder");
        } finally {
            writable(file.getParent());
        }
    }

    /** A mission in rollback-journal mode with a hot journal: copied while a transaction had spilled pages into it. */
    private Path hotJournalCopy() throws Exception {
        Path source = mission("source.essp");
        execute(source, "PRAGMA journal_mode = DELETE", "CREATE TABLE scratch (payload BLOB)",
                "INSERT INTO scratch SELECT zeroblob(1000) FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3000) SELECT i FROM r)");
        Path hot = Files.createDirectories(dir.resolve("copy")).resolve("hot.essp");
        try (Connection c = DriverManager.getConnection(MissionFile.url(source)); Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = 10");
            c.setAutoCommit(false);
            s.execute("UPDATE scratch SET payload = zeroblob(1500)");
            s.execute("UPDATE province SET population_2024 = population_2024 * 2");
            Files.copy(source, hot);
            Files.copy(Path.of(source + "-journal"), Path.of(hot + "-journal"));
            c.rollback();
        }
        return hot;
    }

    private static void readOnly(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root writes anyway: the promise can only be checked as an ordinary user
        assumeThat(Files.isWritable(folder)).as("running as root").isFalse();
    }

    private static void writable(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String scalar(Path file, String sql) throws Exception {
        try (Connection c = MissionFile.readOnlyConnection(file, true); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
