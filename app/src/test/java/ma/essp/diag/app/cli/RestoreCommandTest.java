package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreCommandTest {

    @TempDir
    Path dir;

    private static String name(Path mission, String code) throws Exception {
        try (MissionFile m = MissionFile.open(mission, CliTest.BACKUPS)) {
            return m.dsl().select(ESSP.NAME_FR).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne(ESSP.NAME_FR);
        }
    }

    @Test
    void listsTheBackupsThenRestoresOneByNameAndTheLatest() throws Exception {
        Path file = dir.resolve("tanger.essp");
        Path backup;
        try (MissionFile m = FixtureMission.create(file)) {
            backup = MissionBackup.take(m, MissionBackup.Reason.MANUAL);
            var row = m.dsl().selectFrom(ESSP).where(ESSP.CODE.eq("E003")).fetchOne();
            SyncedRows.update(m.dsl(), EditContext.system("test"), ESSP, row.getId(), row.getVersion(), Map.of(ESSP.NAME_FR, "CSR renommé"));
        }
        CliTest.Run none = CliTest.run("restore", dir.resolve("other.essp").toString(), "--latest");
        assertThat(none.exit()).isEqualTo(2);

        CliTest.Run list = CliTest.run("restore", file.toString(), "--list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains(backup.getFileName().toString()).contains("manual")
                .contains("schema " + ma.essp.diag.database.mission.SchemaMigrator.latestVersion()).contains("10 kept");

        CliTest.Run unknown = CliTest.run("restore", file.toString(), "--backup", "nope.essp");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no backup named nope.essp");
        assertThat(CliTest.run("restore", file.toString(), "--latest", "--backup", "x").exit()).isEqualTo(2);

        CliTest.Run restored = CliTest.run("restore", file.toString(), "--backup", backup.getFileName().toString());
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored").contains("tanger-restore-schema");
        assertThat(name(file, "E003")).isEqualTo("CSR Gzenaya");

        // the newest backup is now the state the restore replaced: restoring it undoes the restore
        CliTest.Run undo = CliTest.run("restore", file.toString(), "--latest");
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(name(file, "E003")).isEqualTo("CSR renommé");
    }

    @Test
    void aMissionOpenElsewhereIsNotRestored() throws Exception {
        Path file = dir.resolve("m.essp");
        try (MissionFile m = FixtureMission.create(file)) {
            MissionBackup.take(m, MissionBackup.Reason.MANUAL);
            byte[] before = Files.readAllBytes(file);
            CliTest.Run r = CliTest.run("restore", file.toString(), "--latest");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("open in another window or program");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        }
    }

    @Test
    void theKeepSettingIsSetThroughTheSettingsCommand() throws Exception {
        Path file = dir.resolve("m.essp");
        try (MissionFile m = FixtureMission.create(file)) {
            new ma.essp.diag.database.repository.TeamRepository(m.dsl()).add("Amina Alaoui", "laptop-1", java.time.Clock.systemUTC());
        }
        CliTest.Run bad = CliTest.run("settings", file.toString(), "--set", "backups.keep=0", "--as", "Amina Alaoui");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("whole number from 1 to 1000");
        CliTest.Run set = CliTest.run("settings", file.toString(), "--set", "backups.keep= 3", "--as", "Amina Alaoui");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("backups.keep=3\n");
        assertThat(MissionBackup.keep(file)).isEqualTo(3);
        assertThat(CliTest.run("restore", file.toString()).out()).contains("3 kept").contains("  none");
    }
}
