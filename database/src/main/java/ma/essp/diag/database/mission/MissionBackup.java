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
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup copies of a mission.
 *
 * <p>The copy written before its schema is upgraded is named
 * {@code <mission>-schema<N>-<yyyyMMdd-HHmmss>-pid<pid>-<random>.essp}, so two processes never pick the same name
 * and an existing backup is never replaced. It is written as {@code <name>.part}, checked (integrity check, same
 * tables with the same row counts as the mission) and only then renamed: a file without {@code .part} is always a
 * verified backup. A {@code .part} whose process is gone is swept at start.
 *
 * <p>Rolling backups ({@link #take}, {@link #takeDaily}) live beside the mission, in the folder
 * {@code <mission>-backups} ({@link #folderOf}), named {@code <mission>-<reason>-schema<N>-<yyyyMMdd-HHmmss>-pid<pid>-<random>.essp};
 * only the newest {@link #keep} of them are kept (the mission setting {@value #KEEP_SETTING}, default
 * {@value #DEFAULT_KEEP}). {@link #restore} puts one back in place of the mission, atomically.
 */
public final class MissionBackup {

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

    // ------------------------------------------------------------------ rolling backups

    /** The mission setting holding how many rolling backups are kept (a whole number from 1 to {@value #MAX_KEEP}). */
    public static final String KEEP_SETTING = "backups.keep";
    public static final int DEFAULT_KEEP = 10;
    public static final int MAX_KEEP = 1000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern ROLLING = Pattern.compile("(.+)-([a-z]+)-schema(\\d+)-(\\d{8}-\\d{6})-pid\\d+-[0-9a-f]{8}\\"
            + MissionFile.EXTENSION);

    /** Why a rolling backup was taken; its lower-case name is part of the file name. */
    public enum Reason {
        /** The first opening of the day in the window. */
        OPEN,
        /** Before an Excel import writes into the mission. */
        IMPORT,
        /** Before a merge (consolidation) writes into the mission. */
        MERGE,
        /** The state a restore replaced. */
        RESTORE,
        /** Asked for by the user. */
        MANUAL;

        public String token() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Reason> of(String token) {
            for (Reason reason : values()) {
                if (reason.token().equals(token)) {
                    return Optional.of(reason);
                }
            }
            return Optional.empty();
        }
    }

    /** One rolling backup: its file, why and when (local time, to the second) it was taken, its size and schema. */
    public record Entry(Path file, Reason reason, LocalDateTime takenAt, long size, int schemaVersion) {

        public String name() {
            return file.getFileName().toString();
        }
    }

    /** Where the rolling backups of {@code mission} live: the folder {@code <mission name>-backups} beside it. */
    public static Path folderOf(Path mission) {
        Path absolute = mission.toAbsolutePath().normalize();
        return absolute.resolveSibling(baseName(absolute) + "-backups");
    }

    private static String baseName(Path mission) {
        return mission.getFileName().toString().replaceFirst("\\.essp$", "");
    }

    /**
     * Takes a verified rolling backup of the open {@code mission} now (a consistent snapshot: what other connections
     * are writing meanwhile is either wholly in it or not), then deletes the oldest ones beyond the mission's
     * {@value #KEEP_SETTING}. Blocks (a national mission takes a few seconds): never call it on the FX thread. Call it
     * before an operation that writes much at once (import, merge), outside that operation's transaction.
     *
     * @return the backup written
     * @throws MissionFileException (reason IO_ERROR) when it could not be written or verified; nothing is left behind
     */
    public static Path take(MissionFile mission, Reason reason) throws MissionFileException {
        return take(mission.path(), reason, keep(mission.path()));
    }

    /**
     * The backup of the day's first opening: taken when there is no {@link Reason#OPEN} backup of today yet (local
     * date), otherwise nothing. Blocks: never on the FX thread.
     */
    public static Optional<Path> takeDaily(MissionFile mission) throws MissionFileException {
        java.time.LocalDate today = java.time.LocalDate.now();
        boolean done = list(mission.path()).stream()
                .anyMatch(e -> e.reason() == Reason.OPEN && e.takenAt().toLocalDate().equals(today));
        return done ? Optional.empty() : Optional.of(take(mission, Reason.OPEN));
    }

    static Path take(Path mission, Reason reason, int keep) throws MissionFileException {
        Path folder = folderOf(mission);
        String name = baseName(mission) + "-" + reason.token() + "-schema" + headerInt(mission, USER_VERSION_OFFSET) + "-"
                + LocalDateTime.now().format(STAMP) + "-pid" + ProcessHandle.current().pid()
                + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + MissionFile.EXTENSION;
        Path target = folder.resolve(name);
        Path part = folder.resolve(name + PART);
        try {
            Files.createDirectories(folder);
            sweepAbandoned(folder);
            MissionFile.copyConsistently(mission, part);
            requireIntact(part);
            Files.move(part, target);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteWithCompanions(part);
            throw new MissionFileException(mission, MissionFileException.Reason.IO_ERROR,
                    "cannot write a verified backup to " + folder + " (" + e.getMessage() + ")", e);
        }
        prune(mission, keep);
        LOG.info("Backed up {} ({}) to {}", mission, reason.token(), target);
        return target;
    }

    /** Deletes the oldest rolling backups of {@code mission} beyond the newest {@code keep}. */
    static void prune(Path mission, int keep) {
        List<Entry> entries = list(mission);
        for (Entry old : entries.subList(Math.min(Math.max(keep, 1), entries.size()), entries.size())) {
            deleteWithCompanions(old.file());
        }
    }

    /** The rolling backups of {@code mission}, newest first. */
    public static List<Entry> list(Path mission) {
        Path folder = folderOf(mission);
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher m = ROLLING.matcher(file.getFileName().toString());
                Optional<Reason> reason = m.matches() ? Reason.of(m.group(2)) : Optional.empty();
                if (reason.isPresent() && Files.isRegularFile(file)) {
                    int schema = Integer.parseInt(m.group(3));
                    try {
                        schema = headerInt(file, USER_VERSION_OFFSET);
                    } catch (MissionFileException e) {
                        // listed with the version its name says; restoring it validates it
                    }
                    entries.add(new Entry(file, reason.get(), LocalDateTime.parse(m.group(4), STAMP), Files.size(file), schema));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the backups in {}", folder, e);
        }
        entries.sort(java.util.Comparator.comparing(Entry::takenAt).thenComparing(Entry::name).reversed());
        return entries;
    }

    /** The mission setting {@value #KEEP_SETTING} of {@code mission}, or {@value #DEFAULT_KEEP} when unset or unreadable. */
    public static int keep(Path mission) {
        try (Connection connection = MissionFile.readOnlyConnection(mission, false);
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "SELECT value FROM mission_setting WHERE key = ? AND deleted = 0")) {
            query.setString(1, KEEP_SETTING);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? parseKeep(rs.getString(1)).orElse(DEFAULT_KEEP) : DEFAULT_KEEP;
            }
        } catch (SQLException e) {
            return DEFAULT_KEEP; // a schema before V5 has no settings
        }
    }

    /** A valid value of {@value #KEEP_SETTING}: a whole number from 1 to {@value #MAX_KEEP}. */
    public static Optional<Integer> parseKeep(String value) {
        try {
            int keep = Integer.parseInt(value == null ? "" : value.strip());
            return keep >= 1 && keep <= MAX_KEEP ? Optional.of(keep) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Puts {@code backup} back in place of {@code mission}, atomically (a rename): the backup is validated first (a
     * mission, not newer than this application, passing {@code PRAGMA integrity_check}); the current state is backed
     * up ({@link Reason#RESTORE}; a damaged mission is copied byte for byte instead); a mission open in another
     * program or window is refused ({@link MissionFileException.Reason#IN_USE}) with nothing changed. Close the mission
     * before calling this; an older backup is upgraded when the mission is next opened.
     *
     * @return the backup of the state that was replaced
     */
    public static Path restore(Path mission, Path backup) throws MissionFileException {
        MissionFile.inspect(backup);
        try {
            requireIntact(backup);
        } catch (IOException | SQLException e) {
            throw new MissionFileException(backup, MissionFileException.Reason.CORRUPTED, "the backup is damaged (" + e.getMessage() + ")", e);
        }
        if (!Files.exists(mission)) {
            throw new MissionFileException(mission, MissionFileException.Reason.NOT_FOUND, "no such file");
        }
        Path part = mission.toAbsolutePath().resolveSibling(mission.getFileName() + ".restore" + PART);
        try (UpgradeLock lock = UpgradeLock.acquire(mission)) {
            Path before;
            String damage = damage(mission);
            if (damage == null) {
                releaseExclusively(mission);
                before = take(mission, Reason.RESTORE, keep(mission));
            } else {
                before = copyDamaged(mission, damage);
                try {
                    releaseExclusively(mission);
                } catch (SQLException e) {
                    // too damaged for SQLite to take it out of WAL mode: its -wal (copied above) must not be
                    // replayed into the restored file
                    Files.deleteIfExists(Path.of(mission + "-wal"));
                    Files.deleteIfExists(Path.of(mission + "-shm"));
                    Files.deleteIfExists(Path.of(mission + "-journal"));
                }
            }
            try {
                MissionFile.copyConsistently(backup, part);
                requireIntact(part);
                if (Files.exists(Path.of(mission + "-wal"))) {
                    throw inUse(mission);
                }
                Files.move(part, mission, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                deleteWithCompanions(part);
            }
            LOG.info("Restored {} from {} (the state before is in {})", mission, backup, before);
            return before;
        } catch (IOException | SQLException e) {
            throw new MissionFileException(mission, MissionFileException.Reason.IO_ERROR, "cannot restore " + backup.getFileName()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** Why {@code mission} cannot be backed up as a mission (damaged, not a mission…), or null when it is intact. */
    private static String damage(Path mission) throws MissionFileException {
        try {
            MissionFile.inspect(mission);
            requireIntact(mission);
            return null;
        } catch (MissionFileException e) {
            if (e.reason() == MissionFileException.Reason.IN_USE) {
                throw e;
            }
            return e.getMessage();
        } catch (SQLException | IOException e) {
            return e.getMessage();
        }
    }

    /** A damaged mission (the usual reason to restore) is kept as it is, byte for byte, with its companions. */
    private static Path copyDamaged(Path mission, String damage) throws IOException {
        Path folder = folderOf(mission);
        Files.createDirectories(folder);
        Path copy = folder.resolve(baseName(mission) + "-damaged-" + LocalDateTime.now().format(STAMP) + "-pid"
                + ProcessHandle.current().pid() + MissionFile.EXTENSION);
        for (String suffix : new String[] {"", "-journal", "-wal"}) {
            Path companion = Path.of(mission + suffix);
            if (Files.exists(companion)) {
                Files.copy(companion, Path.of(copy + suffix));
            }
        }
        LOG.warn("The mission {} did not pass its checks ({}); copied as it was to {}", mission, damage, copy);
        return copy;
    }

    /**
     * Takes the mission out of WAL mode on a connection of its own, which SQLite allows only when no other
     * connection (of any process) has it open, and closes it: the -wal and -shm are gone, so the file can be
     * replaced. Refuses with IN_USE otherwise.
     */
    private static void releaseExclusively(Path mission) throws SQLException, MissionFileException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setBusyTimeout(1_000);
        try (Connection connection = config.createConnection(MissionFile.url(mission));
             Statement statement = connection.createStatement()) {
            String mode;
            try (ResultSet rs = statement.executeQuery("PRAGMA journal_mode = DELETE")) {
                mode = rs.next() ? rs.getString(1) : "";
            }
            if (!"delete".equalsIgnoreCase(mode)) {
                throw inUse(mission);
            }
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("ROLLBACK");
        } catch (org.sqlite.SQLiteException e) {
            String code = e.getResultCode().name();
            if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
                throw inUse(mission);
            }
            throw e;
        }
        if (Files.exists(Path.of(mission + "-wal"))) {
            throw inUse(mission);
        }
    }

    private static MissionFileException inUse(Path mission) {
        return new MissionFileException(mission, MissionFileException.Reason.IN_USE,
                "open in another window or program: close it there and try again; nothing was changed");
    }

    private static final int USER_VERSION_OFFSET = 60;

    /** A big-endian integer of the SQLite header (user_version at 60). */
    private static int headerInt(Path file, int offset) throws MissionFileException {
        byte[] header = new byte[100];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                throw new MissionFileException(file, MissionFileException.Reason.CORRUPTED, "the SQLite header is cut short");
            }
        } catch (IOException e) {
            throw new MissionFileException(file, MissionFileException.Reason.NOT_READABLE, "cannot read the file (" + e.getMessage() + ")", e);
        }
        return java.nio.ByteBuffer.wrap(header, offset, 4).getInt();
    }

    /**
     * A full {@code PRAGMA integrity_check} of a file nobody writes (read as immutable). The file is read through a
     * memory map (SQLite's {@code mmap_size}, up to {@value #CHECK_MAP_BYTES} bytes): the check looks up every index
     * entry in its table, and reading those pages from the map rather than by a system call each is about a third of
     * the check's CPU on a national mission (measured in the README, "Consolidation (merge) of two national copies").
     * The pages mapped are the system's file cache, counted in the process's resident size while mapped.
     */
    private static void requireIntact(Path file) throws IOException, SQLException {
        boolean immutable = !Files.exists(Path.of(file + "-wal"));
        try (Connection connection = MissionFile.readOnlyConnection(file, immutable);
             Statement statement = connection.createStatement()) {
            if (immutable) {
                statement.execute("PRAGMA mmap_size = " + CHECK_MAP_BYTES);
            }
            try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(verdict)) {
                    throw new IOException("integrity check failed (" + verdict + ")");
                }
            }
        }
    }

    /** The most of a file {@link #requireIntact} maps (SQLite's own cap on 64-bit Linux is about 2 GB). */
    private static final long CHECK_MAP_BYTES = 1L << 30;
}
