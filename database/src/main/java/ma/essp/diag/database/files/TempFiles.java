package ma.essp.diag.database.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every temporary file of the application, named so that it can be recognised and swept after a crash.
 *
 * <ul>
 *   <li>The temporary folder ({@code <data folder>/tmp}, {@link #configure}) holds one folder per running process,
 *   {@code proc-<pid>-<random>} ({@link #processFolder()}: POI's temporary sheets, any scratch file), and
 *   {@code pending/}, the journal of outputs being written.</li>
 *   <li>An output is written next to its destination (same file system, so the final move is atomic) as
 *   {@code .essp-diag-<pid>-<random>.part} ({@link #partNextTo}); while it is written, {@code pending/<pid>-<random>}
 *   names it, and is removed with it on success, failure or refusal.</li>
 * </ul>
 * {@link #sweep()} (at start, CLI and window) removes what belongs to processes that are no longer running: their
 * process folders, the journaled {@code .part} files that still exist and still carry our naming with that pid (and
 * their SQLite {@code -wal}/{@code -shm}/{@code -journal}), and their journal entries. Files of other programs are
 * never deleted, even with a similar name: outside the temporary folder only journaled paths are touched. Inside it,
 * loose files left by the JVM and libraries (font copies, native libraries) are removed only when no other process
 * of the application is running.
 */
public final class TempFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PART = Pattern.compile("\\.essp-diag-(\\d+)-[0-9a-f]{16}\\.part");
    private static final Pattern PROCESS_FOLDER = Pattern.compile("proc-(\\d+)-[0-9a-f]{16}");
    private static final Pattern JOURNAL_ENTRY = Pattern.compile("(\\d+)-[0-9a-f]{16}");
    private static final String PENDING = "pending";
    private static final long PID = ProcessHandle.current().pid();

    private static volatile Path root;
    private static volatile Path processFolder;

    private TempFiles() {
    }

    /**
     * Makes {@code folder} the temporary folder of this process: creates it, its {@code pending/} journal and this
     * process's own folder (removed at a normal exit).
     */
    public static synchronized void configure(Path folder) throws IOException {
        Path tmp = folder.toAbsolutePath().normalize();
        Files.createDirectories(tmp.resolve(PENDING));
        Path own = tmp.resolve("proc-" + PID + "-" + random());
        Files.createDirectories(own);
        root = tmp;
        processFolder = own;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(own), "essp-temp-cleanup"));
    }

    /** Back to the system's temporary folder and no journal (for tests that configured one for a while). */
    public static synchronized void unconfigure() {
        root = null;
        processFolder = null;
    }

    /** The temporary folder ({@code <data folder>/tmp}), once {@link #configure configured}. */
    public static Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /** This process's own temporary folder; the system's temporary folder until {@link #configure} was called. */
    public static Path processFolder() {
        Path own = processFolder;
        return own != null ? own : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * A fresh name for the temporary file of {@code destination}, in the same folder, journaled in {@code pending/}
     * (when configured) until {@link #release} is called. The file itself is not created.
     */
    public static Path partNextTo(Path destination) {
        String id = PID + "-" + random();
        Path part = destination.resolveSibling(".essp-diag-" + id + ".part");
        Path tmp = root;
        if (tmp != null) {
            try {
                Files.writeString(tmp.resolve(PENDING).resolve(id), part.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // the output can still be written; only a crash would leave its temporary file unswept
                LOG.warn("Cannot journal the temporary output {} in {}", part, tmp, e);
            }
        }
        return part;
    }

    /** Deletes a temporary output (with its SQLite companions, if any) and its journal entry. */
    public static void release(Path part) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            deleteQuietly(part.resolveSibling(part.getFileName() + suffix));
        }
        Matcher m = PART.matcher(part.getFileName().toString());
        Path tmp = root;
        if (tmp != null && m.matches()) {
            String name = part.getFileName().toString();
            deleteQuietly(tmp.resolve(PENDING).resolve(name.substring(".essp-diag-".length(), name.length() - ".part".length())));
        }
    }

    /** What a sweep removed. */
    public record Sweep(List<Path> deleted) {
    }

    /** Removes the leftovers of processes of the application that are no longer running (see the class comment). */
    public static synchronized Sweep sweep() {
        Path tmp = root;
        List<Path> deleted = new ArrayList<>();
        if (tmp == null) {
            return new Sweep(deleted);
        }
        boolean othersRunning = false;
        List<Path> loose = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Matcher folder = PROCESS_FOLDER.matcher(name);
                if (folder.matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    long pid = Long.parseLong(folder.group(1));
                    if (entry.equals(processFolder)) {
                        continue;
                    }
                    if (isRunning(pid)) {
                        othersRunning = true;
                    } else if (deleteTree(entry)) {
                        deleted.add(entry);
                    }
                } else if (!name.equals(PENDING) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    loose.add(entry);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot sweep the temporary folder {}", tmp, e);
        }
        sweepJournal(tmp.resolve(PENDING), deleted);
        if (!othersRunning) {
            // left in our folder by the JVM or a library (e.g. font copies) of a process that has ended
            for (Path file : loose) {
                if (deleteQuietly(file)) {
                    deleted.add(file);
                }
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Removed {} leftover temporary file(s) of ended processes: {}", deleted.size(), deleted);
        }
        return new Sweep(deleted);
    }

    private static void sweepJournal(Path pending, List<Path> deleted) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(pending)) {
            for (Path entry : entries) {
                Matcher m = JOURNAL_ENTRY.matcher(entry.getFileName().toString());
                if (!m.matches() || isRunning(Long.parseLong(m.group(1)))) {
                    continue;
                }
                Path part = Path.of(Files.readString(entry, StandardCharsets.UTF_8).strip());
                Matcher p = PART.matcher(String.valueOf(part.getFileName()));
                // only the very file this journal entry named: our naming, the same process id
                if (part.isAbsolute() && p.matches() && p.group(1).equals(m.group(1))) {
                    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                        Path file = part.resolveSibling(part.getFileName() + suffix);
                        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && deleteQuietly(file)) {
                            deleted.add(file);
                        }
                    }
                }
                deleteQuietly(entry);
            }
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            LOG.warn("Cannot sweep the journal of pending outputs {}", pending, e);
        }
    }

    static boolean isRunning(long pid) {
        return pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}", file, e);
            return false;
        }
    }

    private static boolean deleteTree(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (IOException e) {
            LOG.debug("Cannot delete {}", folder, e);
            return false;
        }
    }
}
