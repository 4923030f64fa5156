package ma.essp.diag.database.mission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copy of a mission written before its schema is upgraded. It is named
 * {@code <mission>-schema<N>-<yyyyMMdd-HHmmss>-pid<pid>-<random>.essp}, so two processes never pick the same name
 * and an existing backup is never replaced. It is written as {@code <name>.part}, checked (integrity check, same
 * tables with the same row counts as the mission) and only then renamed: a file without {@code .part} is always a
 * verified backup. A {@code .part} whose process is gone is swept at start.
 */
final class MissionBackup {

    private static final Logger LOG = LoggerFactory.getLogger(MissionBackup.class);
    private static final String PART = ".part";
    /** Our own in-flight backups: the pid of the process writing it is in the name. */
    private static final Pattern OURS_IN_FLIGHT = Pattern.compile(".+-schema\\d+-\\d{8}-\\d{6}-pid(\\d+)-[0-9a-f]{8}\\"
            + MissionFile.EXTENSION + "\\" + PART);

    private MissionBackup() {
    }

    /** Writes and verifies the backup of {@code mission} (at schema {@code fromVersion}); returns its path. */
    static Path write(Path mission, Path backupDir, int fromVersion) throws IOException, SQLException {
        String base = mission.getFileName().toString().replaceFirst("\\.essp$", "");
        String name = base + "-schema" + fromVersion + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-pid" + ProcessHandle.current().pid()
                + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + MissionFile.EXTENSION;
        Path target = backupDir.resolve(name);
        Path part = backupDir.resolve(name + PART);
        Files.createDirectories(backupDir);
        try {
            MissionFile.copyConsistently(mission, part);
            verify(mission, part);
            // no REPLACE_EXISTING: an existing backup is never replaced (the name is unique anyway)
            Files.move(part, target);
            return target;
        } catch (IOException | SQLException | RuntimeException e) {
            deleteWithCompanions(part);
            throw e;
        }
    }

    /** The copy must be intact and hold every table of the mission with the same number of rows. */
    static void verify(Path mission, Path copy) throws IOException, SQLException {
        Map<String, Long> expected;
        try (Connection connection = MissionFile.readOnlyConnection(mission, false)) {
            expected = rowCounts(connection);
        }
        try (Connection connection = MissionFile.readOnlyConnection(copy, true);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(verdict)) {
                    throw new IOException("the backup copy failed its integrity check (" + verdict + ")");
                }
            }
            Map<String, Long> copied = rowCounts(connection);
            if (!copied.equals(expected)) {
                throw new IOException("the backup copy does not hold the same rows as the mission (" + copied
                        + " instead of " + expected + ")");
            }
        }
    }

    private static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    counts.put(table, rs.next() ? rs.getLong(1) : -1);
                }
            }
        }
        return counts;
    }

    /**
     * Deletes the {@code .part} backups of processes that no longer run (a crash or kill during a backup); a live
     * process's backup in progress, and every file not named by us, is left alone. Returns what was deleted.
     */
    static List<Path> sweepAbandoned(Path backupDir) {
        List<Path> swept = new ArrayList<>();
        if (!Files.isDirectory(backupDir)) {
            return swept;
        }
        try (Stream<Path> files = Files.list(backupDir)) {
            for (Path file : files.toList()) {
                Matcher m = OURS_IN_FLIGHT.matcher(file.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
                    deleteWithCompanions(file);
                    swept.add(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not sweep abandoned backups in {}", backupDir, e);
        }
        if (!swept.isEmpty()) {
            LOG.info("Removed {} unfinished backup(s) left by processes that stopped: {}", swept.size(), swept);
        }
        return swept;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteWithCompanions(Path file) {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                LOG.warn("Could not delete {}", file + suffix, e);
            }
        }
    }
}
