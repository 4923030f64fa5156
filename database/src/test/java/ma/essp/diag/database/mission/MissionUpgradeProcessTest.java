package ma.essp.diag.database.mission;

import static ma.essp.diag.database.jooq.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrades of one older mission by real separate processes: at the same time, and killed halfway. */
class MissionUpgradeProcessTest {

    @TempDir
    Path dir;

    /** A version-1 mission with a few rows of its own, and a byte copy of it to compare the backup with. */
    private Path oldMission() throws Exception {
        Path file = dir.resolve("old.essp");
        SchemaMigrator.migrate(file, "1");
        try (Connection c = DriverManager.getConnection(MissionFile.url(file)); Statement s = c.createStatement()) {
            s.execute("INSERT INTO mission (uuid, name, synthetic, created_at, updated_at, updated_by) "
                    + "VALUES ('m-1', 'Tanger 2025', 0, '2025-01-01', '2025-01-01T00:00:00Z', 'test')");
        }
        Files.copy(file, dir.resolve("original-copy.essp"));
        return file;
    }

    private static Process child(Path mission, Path backups, String pauseAt, long pauseMillis) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        if (pauseAt != null) {
            command.add("-D" + SchemaMigrator.PAUSE_PROPERTY + "=" + pauseAt);
            command.add("-D" + SchemaMigrator.PAUSE_PROPERTY + ".millis=" + pauseMillis);
        }
        command.addAll(List.of(MissionOpenChild.class.getName(), mission.toString(), backups.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to (and including) the first line starting with one of {@code prefixes}. */
    private static String lineStarting(Process process, List<String> seen, String... prefixes) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            seen.add(line);
            for (String prefix : prefixes) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
        throw new AssertionError("the child ended without " + List.of(prefixes) + ": " + seen);
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void twoProcessesOpeningTheSameOldFileAtOnceMigrateItOnceWithOneVerifiedBackup() throws Exception {
        Path file = oldMission();
        Path backups = dir.resolve("backups");
        // whoever takes the upgrade lock first sits on it for 2 s after its backup: the other one has to wait
        Process first = child(file, backups, "after-backup", 2_000);
        Process second = child(file, backups, "after-backup", 2_000);
        List<String> firstOut = new ArrayList<>();
        List<String> secondOut = new ArrayList<>();
        String a = lineStarting(first, firstOut, "OPENED", "REFUSED");
        String b = lineStarting(second, secondOut, "OPENED", "REFUSED");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(a, b)).allMatch(line -> line.startsWith("OPENED "), firstOut + " / " + secondOut);
        // exactly one of them backed up and migrated; the other found it done once it had the lock
        assertThat(Stream.of(a, b).filter(line -> !line.equals("OPENED -")).count()).isEqualTo(1);
        assertThat(Stream.of(firstOut, secondOut).flatMap(List::stream).filter(l -> l.equals("PAUSED after-backup")).count()).isEqualTo(1);

        List<Path> kept = files(backups);
        assertThat(kept).hasSize(1);
        Path backup = kept.getFirst();
        assertThat(backup.getFileName().toString()).matches("old-schema1-\\d{8}-\\d{6}-pid\\d+-[0-9a-f]{8}\\.essp");
        assertThat(Stream.of(a, b).anyMatch(line -> line.equals("OPENED " + backup))).isTrue();
        // the backup is an intact version-1 copy of the file as it was
        assertThat(MissionFile.inspect(backup).schemaVersion()).isEqualTo(1);
        MissionBackup.verify(dir.resolve("original-copy.essp"), backup);
        assertThat(scalar(backup, "SELECT name FROM mission")).isEqualTo("Tanger 2025");

        // the mission was migrated once: one history row per version, and it opens at the latest version
        // (the version numbers may have gaps: a history row per migration file, none twice, the last one the latest)
        assertThat(scalar(file, "SELECT (count(*) = count(DISTINCT version)) || '/' || max(CAST(version AS INTEGER))"
                + " FROM flyway_schema_history")).isEqualTo("1/" + SchemaMigrator.latestVersion());
        try (MissionFile mission = MissionFile.open(file, backups)) {
            assertThat(mission.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(mission.backup()).isEmpty();
            assertThat(mission.dsl().fetchCount(REGION)).isEqualTo(12);
        }
        assertThat(files(backups)).containsExactly(backup);
        assertThat(UpgradeLock.lockFile(file)).doesNotExist();
    }

    @Test
    void aProcessKilledBetweenTheMigrationAndTheStampLeavesAFileThatOpensAtTheRightVersion() throws Exception {
        Path file = oldMission();
        Path backups = dir.resolve("backups");
        Process child = child(file, backups, "before-stamp", 120_000);
        List<String> out = new ArrayList<>();
        assertThat(lineStarting(child, out, "PAUSED", "OPENED", "REFUSED")).isEqualTo("PAUSED before-stamp");
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the history says latest, the header still says 1: the history is the truth
        MissionFile.Inspection afterKill = MissionFile.inspect(file);
        assertThat(afterKill.userVersion()).isEqualTo(1);
        assertThat(afterKill.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
        assertThat(afterKill.current()).isFalse();

        try (MissionFile mission = MissionFile.open(file, backups)) {
            assertThat(mission.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(mission.backup()).isEmpty();
            assertThat(mission.dsl().fetchCount(REGION)).isEqualTo(12);
            assertThat(mission.dsl().fetchValue("SELECT name FROM mission")).isEqualTo("Tanger 2025");
        }
        assertThat(MissionFile.inspect(file).current()).isTrue();
        // the killed process had finished its backup: one verified backup, nothing unfinished, no lock left
        assertThat(files(backups)).singleElement().satisfies(b -> assertThat(b.getFileName().toString()).endsWith(".essp"));
        assertThat(UpgradeLock.lockFile(file)).doesNotExist();
    }

    private static String scalar(Path file, String sql) throws Exception {
        try (Connection c = MissionFile.readOnlyConnection(file, false); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
