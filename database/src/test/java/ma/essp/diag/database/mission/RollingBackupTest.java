package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollingBackupTest {

    @TempDir
    Path dir;

    private static String nameOf(Path mission, String code) throws Exception {
        try (MissionFile m = MissionFile.open(mission, mission.resolveSibling("migrations"))) {
            return m.dsl().select(ESSP.NAME_FR).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne(ESSP.NAME_FR);
        }
    }

    private static void rename(MissionFile mission, String code, String name) {
        var row = mission.dsl().selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
        SyncedRows.update(mission.dsl(), EditContext.system("test"), ESSP, row.getId(), row.getVersion(), Map.of(ESSP.NAME_FR, name));
    }

    @Test
    void aBackupGoesBesideTheMissionNamedByReasonAndSchemaAndIsListedNewestFirst() throws Exception {
        Path mission = dir.resolve("tanger.essp");
        try (MissionFile m = FixtureMission.create(mission)) {
            Path first = MissionBackup.take(m, MissionBackup.Reason.IMPORT);
            Thread.sleep(1_100); // names are stamped to the second
            Path second = MissionBackup.take(m, MissionBackup.Reason.MERGE);

            assertThat(first.getParent()).isEqualTo(dir.resolve("tanger-backups"));
            assertThat(first.getFileName().toString()).matches("tanger-import-schema" + SchemaMigrator.latestVersion()
                    + "-\\d{8}-\\d{6}-pid\\d+-[0-9a-f]{8}\\.essp");
            List<MissionBackup.Entry> entries = MissionBackup.list(mission);
            assertThat(entries).extracting(MissionBackup.Entry::file).containsExactly(second, first);
            assertThat(entries).extracting(MissionBackup.Entry::reason)
                    .containsExactly(MissionBackup.Reason.MERGE, MissionBackup.Reason.IMPORT);
            assertThat(entries.getFirst().schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(entries.getFirst().size()).isEqualTo(Files.size(second));
        }
        // the copy is a whole mission: it opens and holds the six live ESSPs and the deleted one
        Path copy = dir.resolve("copy.essp");
        Files.copy(MissionBackup.list(mission).getFirst().file(), copy);
        try (MissionFile opened = MissionFile.open(copy, dir.resolve("migrations"))) {
            assertThat(opened.dsl().fetchCount(ESSP)).isEqualTo(7);
        }
    }

    @Test
    void onlyTheNewestKeptBackupsStayAndTheKeepSettingIsReadFromTheMission() throws Exception {
        Path mission = dir.resolve("m.essp");
        try (MissionFile m = FixtureMission.create(mission)) {
            assertThat(MissionBackup.keep(mission)).isEqualTo(MissionBackup.DEFAULT_KEEP);
            new MissionSettingsRepository(m.dsl()).set(EditContext.system("test"), MissionBackup.KEEP_SETTING, "2");
            assertThat(MissionBackup.keep(mission)).isEqualTo(2);
            Path a = MissionBackup.take(m, MissionBackup.Reason.MANUAL);
            Thread.sleep(1_100);
            Path b = MissionBackup.take(m, MissionBackup.Reason.MANUAL);
            Thread.sleep(1_100);
            Path c = MissionBackup.take(m, MissionBackup.Reason.MANUAL);
            assertThat(MissionBackup.list(mission)).extracting(MissionBackup.Entry::file).containsExactly(c, b);
            assertThat(a).doesNotExist();
        }
        assertThat(MissionBackup.parseKeep("0")).isEmpty();
        assertThat(MissionBackup.parseKeep("ten")).isEmpty();
        assertThat(MissionBackup.parseKeep(" 25 ")).contains(25);
    }

    @Test
    void theDailyBackupIsTakenOncePerDay() throws Exception {
        Path mission = dir.resolve("m.essp");
        try (MissionFile m = FixtureMission.create(mission)) {
            assertThat(MissionBackup.takeDaily(m)).isPresent();
            assertThat(MissionBackup.takeDaily(m)).isEmpty();
            MissionBackup.take(m, MissionBackup.Reason.IMPORT);
            assertThat(MissionBackup.takeDaily(m)).isEmpty();
        }
        assertThat(MissionBackup.list(mission)).hasSize(2);
    }

    @Test
    void restorePutsTheBackupBackAndKeepsTheReplacedStateAsABackup() throws Exception {
        Path mission = dir.resolve("m.essp");
        Path backup;
        try (MissionFile m = FixtureMission.create(mission)) {
            backup = MissionBackup.take(m, MissionBackup.Reason.MANUAL);
            rename(m, "E001", "CSU Médina (renommé)");
        }
        Path before = MissionBackup.restore(mission, backup);

        assertThat(nameOf(mission, "E001")).isEqualTo("CSU Médina");
        assertThat(before.getFileName().toString()).startsWith("m-restore-schema");
        assertThat(MissionBackup.list(mission)).extracting(MissionBackup.Entry::file).contains(before, backup);
        assertThat(nameOf(before, "E001")).isEqualTo("CSU Médina (renommé)");
        assertThat(dir.resolve("m.essp.restore.part")).doesNotExist();
    }

    @Test
    void restoreIsRefusedWhileTheMissionIsOpenAndNothingChanges() throws Exception {
        Path mission = dir.resolve("m.essp");
        try (MissionFile m = FixtureMission.create(mission)) {
            Path backup = MissionBackup.take(m, MissionBackup.Reason.MANUAL);
            rename(m, "E002", "changed");
            assertThatThrownBy(() -> MissionBackup.restore(mission, backup))
                    .isInstanceOfSatisfying(MissionFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(MissionFileException.Reason.IN_USE));
            assertThat(m.dsl().select(ESSP.NAME_FR).from(ESSP).where(ESSP.CODE.eq("E002")).fetchOne(ESSP.NAME_FR)).isEqualTo("changed");
        }
        assertThat(nameOf(mission, "E002")).isEqualTo("changed");
        assertThat(MissionBackup.list(mission)).hasSize(1);
    }

    @Test
    void aDamagedBackupIsRefusedAndADamagedMissionIsReplacedAndKeptAsItWas() throws Exception {
        Path mission = dir.resolve("m.essp");
        Path good;
        try (MissionFile m = FixtureMission.create(mission)) {
            good = MissionBackup.take(m, MissionBackup.Reason.MANUAL);
        }
        Path damagedBackup = Files.copy(good, dir.resolve("damaged.essp"));
        scribble(damagedBackup);
        byte[] missionBytes = Files.readAllBytes(mission);
        assertThatThrownBy(() -> MissionBackup.restore(mission, damagedBackup)).isInstanceOf(MissionFileException.class);
        assertThat(Files.readAllBytes(mission)).isEqualTo(missionBytes);
        Path notAMission = Files.writeString(dir.resolve("notes.essp"), "hello");
        assertThatThrownBy(() -> MissionBackup.restore(mission, notAMission))
                .isInstanceOfSatisfying(MissionFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(MissionFileException.Reason.NOT_SQLITE));

        scribble(mission);
        byte[] damagedBytes = Files.readAllBytes(mission);
        Path kept = MissionBackup.restore(mission, good);
        assertThat(kept.getFileName().toString()).startsWith("m-damaged-");
        assertThat(Files.readAllBytes(kept)).isEqualTo(damagedBytes);
        assertThat(nameOf(mission, "E005")).isEqualTo("CSU Anfa");
    }

    /** Overwrites the pages after the first two with garbage: the header stays, the b-trees do not. */
    private static void scribble(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            int pageSize = 4096;
            for (long at = 2L * pageSize; at + 512 < raf.length(); at += pageSize) {
                raf.seek(at + 8);
                raf.write(new byte[] {0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f});
            }
        }
    }
}
