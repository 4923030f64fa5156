package ma.essp.diag.database.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import ma.essp.diag.database.files.OutputRefusedException.Reason;

/**
 * The one rule for every file the application writes as an output (reports, indices, catalogue workbooks, mission
 * copies, demo missions), checked before any work and again just before the finished file is moved into place.
 *
 * <p>The requested path is resolved as the file system will: symbolic links followed (the output itself, or any
 * folder on its way, also when the output does not exist yet), {@code ..} taken after the links. The resolved file
 * is refused when it is
 * <ul>
 *   <li>an existing SQLite database (header {@code "SQLite format 3\0"}): the open mission, any other mission, a
 *   backup, another program's database — except for {@link Policy#ANY_REGULAR_FILE} (the demo's {@code --force});</li>
 *   <li>the {@code -wal}, {@code -shm} or {@code -journal} file of an existing SQLite database;</li>
 *   <li>inside a protected folder (the application's backups and temporary folders, {@link #protectFolder});</li>
 *   <li>anything but a regular file (a folder, a FIFO, a device, a socket), or in a folder that does not exist.</li>
 * </ul>
 * A symbolic link as output is not replaced: the file it points to is (written next to it and moved over it), so the
 * link keeps pointing to the new content.
 */
public final class OutputTarget {

    /** What an output may replace. */
    public enum Policy {
        /** Reports, tables, workbooks, mission copies: a regular file that is not a SQLite database, or a new file. */
        OUTPUT,
        /** The demo's {@code --force}: any regular file (an older demo mission is the usual case). */
        ANY_REGULAR_FILE
    }

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");
    private static final int MAX_LINKS = 40;
    private static final Set<Path> PROTECTED = new CopyOnWriteArraySet<>();

    private OutputTarget() {
    }

    /** Refuses every output inside {@code folder} from now on (the backups folder, the temporary folder). */
    public static void protectFolder(Path folder) {
        PROTECTED.add(folder.toAbsolutePath().normalize());
    }

    /** Same as {@link #resolve(Path, Policy)} with {@link Policy#OUTPUT}. */
    public static Path resolve(Path requested) throws OutputRefusedException {
        return resolve(requested, Policy.OUTPUT);
    }

    /**
     * The real file to write for {@code requested} (links resolved), or the refusal.
     *
     * @throws OutputRefusedException naming {@code requested} and the reason
     */
    public static Path resolve(Path requested, Policy policy) throws OutputRefusedException {
        Path real = realPath(requested);
        BasicFileAttributes attributes = attributes(real);
        if (attributes != null) {
            if (attributes.isDirectory()) {
                throw new OutputRefusedException(requested, Reason.FOLDER);
            }
            if (!attributes.isRegularFile()) {
                throw new OutputRefusedException(requested, Reason.NOT_REGULAR_FILE);
            }
            if (policy == Policy.OUTPUT && isSqlite(real)) {
                throw new OutputRefusedException(requested, Reason.DATABASE);
            }
        }
        String name = real.getFileName().toString();
        for (String suffix : COMPANIONS) {
            if (name.length() > suffix.length() && name.endsWith(suffix)
                    && isSqlite(real.resolveSibling(name.substring(0, name.length() - suffix.length())))) {
                throw new OutputRefusedException(requested, Reason.DATABASE_COMPANION);
            }
        }
        for (Path folder : PROTECTED) {
            if (real.startsWith(folder) || real.startsWith(realOrSelf(folder))) {
                throw new OutputRefusedException(requested, Reason.PROTECTED_FOLDER);
            }
        }
        return real;
    }

    /** True when {@code file} is a regular file starting with the SQLite header (links followed). */
    public static boolean isSqlite(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(header, 0, header.length) == header.length && Arrays.equals(header, SQLITE_HEADER);
        } catch (IOException e) {
            return false; // unreadable: whatever it is, the write itself will fail on it
        }
    }

    /** The requested path with every link resolved; a file that does not exist yet is resolved through its folder. */
    private static Path realPath(Path requested) throws OutputRefusedException {
        Path path = requested.toAbsolutePath();
        try {
            if (Files.exists(path)) {
                return path.toRealPath();
            }
            // a new file, or a link pointing to one: follow the link chain by hand
            for (int hops = 0; Files.isSymbolicLink(path); hops++) {
                if (hops == MAX_LINKS) {
                    throw new OutputRefusedException(requested, Reason.NOT_REGULAR_FILE);
                }
                Path parent = path.getParent();
                path = parent == null ? Files.readSymbolicLink(path) : parent.resolve(Files.readSymbolicLink(path));
            }
            Path parent = path.getParent();
            Path name = path.getFileName();
            if (parent == null || name == null || !Files.isDirectory(parent)) {
                throw new OutputRefusedException(requested, Reason.NO_FOLDER);
            }
            if (name.toString().equals("..") || name.toString().equals(".")) {
                throw new OutputRefusedException(requested, Reason.FOLDER);
            }
            return parent.toRealPath().resolve(name);
        } catch (OutputRefusedException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputRefusedException(requested, Reason.NO_FOLDER);
        }
    }

    private static BasicFileAttributes attributes(Path real) {
        try {
            return Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // does not exist
        }
    }

    private static Path realOrSelf(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }
}
