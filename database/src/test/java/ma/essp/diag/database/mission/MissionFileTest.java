package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HexFormat;
import ma.essp.diag.database.testing.DamagedMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissionFileTest {

    @TempDir
    Path dir;

    @Test
    void createdMissionIsWalWithForeignKeysAndLatestSchema() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("m.essp"))) {
            assertThat(mission.dsl().resultQuery("PRAGMA journal_mode").fetchOne(0, String.class)).isEqualTo("wal");
            assertThat(mission.dsl().resultQuery("PRAGMA foreign_keys").fetchOne(0, Integer.class)).isEqualTo(1);
            assertThat(mission.dsl().resultQuery("PRAGMA application_id").fetchOne(0, Integer.class)).isEqualTo(MissionFile.APPLICATION_ID);
            assertThat(mission.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion()).isGreaterThanOrEqualTo(2);
            assertThat(mission.dsl().fetchCount(REGION)).isEqualTo(12);
        }
    }

    @Test
    void createRefusesAnExistingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("x.essp"), "keep me");
        assertThatThrownBy(() -> MissionFile.create(file))
                .isInstanceOfSatisfying(MissionFileException.class, e -> assertThat(e.reason()).isEqualTo(MissionFileException.Reason.ALREADY_EXISTS));
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void datesAreStoredAsIsoTextAndReadBack() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("d.essp"))) {
            var dsl = mission.dsl();
            // a foreign key violation must be refused: foreign keys are on for every pooled connection
            assertThatThrownBy(() -> dsl.insertInto(PROVINCE)
                    .set(PROVINCE.CODE, "99.999").set(PROVINCE.REGION_ID, 999).set(PROVINCE.TYPE, "province")
                    .set(PROVINCE.NAME_FR, "x").set(PROVINCE.NAME_AR, "x").set(PROVINCE.POPULATION_2024, 1)
                    .set(PROVINCE.UUID, "u").set(PROVINCE.UPDATED_AT, "t").set(PROVINCE.UPDATED_BY, "b").execute())
                    .hasMessageContaining("FOREIGN KEY");
            assertThat(dsl.resultQuery("SELECT typeof(?)", LocalDate.of(2026, 3, 1)).fetchOne(0, String.class)).isEqualTo("text");
            assertThat(ASSESSMENT.ASSESSED_ON.getType()).isEqualTo(LocalDate.class);
        }
    }

    @Test
    void refusesANonSqliteFileWithoutChangingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.essp"), "Ceci n'est pas une base de données.\n".repeat(20));
        String before = sha256(file);
        assertThatThrownBy(() -> MissionFile.open(file, dir.resolve("backups")))
                .isInstanceOfSatisfying(MissionFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MissionFileException.Reason.NOT_SQLITE);
                    assertThat(e.getMessage()).contains("notes.essp").contains("not a SQLite database");
                });
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void refusesAnEmptyFileAndAPlainSqliteDatabase() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.essp"));
        assertThatThrownBy(() -> MissionFile.open(empty, dir))
                .isInstanceOfSatisfying(MissionFileException.class, e -> assertThat(e.reason()).isEqualTo(MissionFileException.Reason.EMPTY));
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }
        String before = sha256(other);
        assertThatThrownBy(() -> MissionFile.open(other, dir))
                .isInstanceOfSatisfying(MissionFileException.class, e -> assertThat(e.reason()).isEqualTo(MissionFileException.Reason.NOT_A_MISSION));
        assertThat(sha256(other)).isEqualTo(before);
    }

    @Test
    void refusesAFileFromANewerVersionWithoutChangingIt() throws Exception {
        Path file = dir.resolve("future.essp");
        try (MissionFile mission = MissionFile.create(file)) {
            mission.dsl().execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, 1)");
        }
        String before = sha256(file);
        assertThatThrownBy(() -> MissionFile.open(file, dir.resolve("backups")))
                .isInstanceOfSatisfying(MissionFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MissionFileException.Reason.NEWER_SCHEMA);
                    assertThat(e.getMessage()).contains("future.essp").contains("schema 99");
                });
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void refusesACorruptedFileWithoutChangingIt() throws Exception {
        Path file = dir.resolve("broken.essp");
        try (MissionFile mission = MissionFile.create(file)) {
            mission.dsl().execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] bytes = Files.readAllBytes(file);
        // keep the SQLite header, scribble over the schema pages
        for (int i = 100; i < Math.min(bytes.length, 40_000); i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        String before = sha256(file);
        assertThatThrownBy(() -> MissionFile.open(file, dir.resolve("backups")))
                .isInstanceOfSatisfying(MissionFileException.class, e -> assertThat(e.reason()).isEqualTo(MissionFileException.Reason.CORRUPTED));
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void opensACurrentFileWithoutBackup() throws Exception {
        Path file = dir.resolve("ok.essp");
        MissionFile.create(file).close();
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            assertThat(mission.backup()).isEmpty();
            assertThat(mission.dsl().fetchCount(PROVINCE)).isEqualTo(83);
        }
    }

    @Test
    void openWhileCheckingReadsAtOnceAndRefusesWritesUntilTheCheckPassed() throws Exception {
        Path file = dir.resolve("sound.essp");
        MissionFile.create(file).close();
        try (MissionFile mission = MissionFile.openWhileChecking(file, dir.resolve("backups"))) {
            assertThat(mission.writable()).isFalse();
            assertThat(mission.dsl().fetchCount(PROVINCE)).isEqualTo(83);
            assertThatThrownBy(() -> mission.dsl().execute("UPDATE region SET name_fr = 'x'")).hasMessageContaining("SQLITE_READONLY");
            assertThatThrownBy(mission::allowWrites).isInstanceOf(IllegalStateException.class);

            mission.checkIntegrity();
            mission.allowWrites();

            assertThat(mission.writable()).isTrue();
            assertThat(mission.dsl().execute("UPDATE region SET name_fr = 'x' WHERE id = (SELECT min(id) FROM region)")).isEqualTo(1);
            assertThat(mission.dsl().fetchValue("SELECT name_fr FROM region WHERE id = (SELECT min(id) FROM region)")).isEqualTo("x");
        }
    }

    @Test
    void openWhileCheckingShowsADamagedFileReadOnlyAndItsCheckRefusesItWithoutChangingIt() throws Exception {
        Path file = damagedAtTheEnd(dir.resolve("damaged.essp"));
        String before = sha256(file);
        try (MissionFile mission = MissionFile.openWhileChecking(file, dir.resolve("backups"))) {
            // what the opening reads is intact: the mission can be shown...
            assertThat(mission.dsl().fetchCount(PROVINCE)).isEqualTo(83);
            // ...but the whole file's check refuses it, and it never writes
            assertThatThrownBy(mission::checkIntegrity)
                    .isInstanceOfSatisfying(MissionFileException.class, e -> assertThat(e.reason()).isEqualTo(MissionFileException.Reason.CORRUPTED));
            assertThatThrownBy(mission::allowWrites).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> mission.dsl().execute("UPDATE region SET name_fr = 'x'")).hasMessageContaining("SQLITE_READONLY");
        }
        assertThat(sha256(file)).isEqualTo(before);
        assertThatThrownBy(() -> MissionFile.open(file, dir.resolve("backups")))
                .isInstanceOfSatisfying(MissionFileException.class, e -> assertThat(e.reason()).isEqualTo(MissionFileException.Reason.CORRUPTED));
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    /** A new mission whose last pages are scribbled over ({@link DamagedMission}). */
    private static Path damagedAtTheEnd(Path file) throws Exception {
        MissionFile.create(file).close();
        DamagedMission.scribbleOverItsLastPages(file);
        return file;
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
