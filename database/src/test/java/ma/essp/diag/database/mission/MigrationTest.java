package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFileToTheLatestVersion() throws Exception {
        Path file = dir.resolve("empty.essp");
        SchemaMigrator.migrate(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(rs.getInt(2)).isEqualTo(SchemaMigrator.latestVersion());
        }
    }

    @Test
    void opensAVersion1FileByBackingItUpThenMigrating() throws Exception {
        Path file = dir.resolve("old.essp");
        SchemaMigrator.migrate(file, "1");
        assertThat(MissionFile.inspect(file).schemaVersion()).isEqualTo(1);
        String before = MissionFileTest.sha256(file);
        Path backups = dir.resolve("backups");

        try (MissionFile mission = MissionFile.open(file, backups)) {
            assertThat(mission.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            // the reference data of V2 arrived
            assertThat(mission.dsl().fetchCount(REGION)).isEqualTo(12);
            assertThat(mission.dsl().fetchCount(ESSP_CATEGORY)).isGreaterThanOrEqualTo(8);
            Path backup = mission.backup().orElseThrow();
            assertThat(backup.getParent()).isEqualTo(backups);
            assertThat(backup.getFileName().toString()).startsWith("old-schema1-").endsWith(".essp");
            // the backup is a usable version-1 mission with the old content
            assertThat(MissionFile.inspect(backup).schemaVersion()).isEqualTo(1);
        }
        assertThat(MissionFileTest.sha256(file)).isNotEqualTo(before);
        try (var files = Files.list(backups)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void latestVersionIsTheHighestMigrationOnTheClasspath() {
        assertThat(SchemaMigrator.latestVersion()).isEqualTo(2);
    }
}
