package ma.essp.diag.database.mission;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive, inter-process lock for upgrading one mission file: an OS file lock on {@code <mission>-upgrade.lock}
 * beside it. The lock file is deleted on release (while still locked), so it does not stay beside the mission; a
 * process that locked a file another one has just deleted notices (the path names another file now) and tries
 * again. Where files have no identity (Windows) the lock file is kept instead, which needs no such check.
 */
final class UpgradeLock implements AutoCloseable {

    static final String SUFFIX = "-upgrade.lock";
    /** FileLock is per JVM, not per thread: threads of one JVM queue here first. */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean deleteOnClose;

    private UpgradeLock(Path file, FileChannel channel, FileLock lock, boolean deleteOnClose) {
        this.file = file;
        this.deleteOnClose = deleteOnClose;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(Path mission) {
        return mission.resolveSibling(mission.getFileName() + SUFFIX);
    }

    /** Blocks until this process holds the upgrade lock of {@code mission}. */
    static UpgradeLock acquire(Path mission) throws IOException {
        Path file = lockFile(mission);
        IN_THIS_JVM.lock();
        try {
            while (true) {
                Object before = createdKey(file);
                FileChannel channel;
                try {
                    channel = FileChannel.open(file, StandardOpenOption.WRITE);
                } catch (NoSuchFileException e) {
                    continue; // its holder deleted it meanwhile
                }
                try {
                    FileLock lock = channel.lock(Long.MAX_VALUE - 1, 1, false);
                    // still the file at that path? (never re-open it to check: closing any descriptor of a file
                    // drops this process's POSIX locks on it, so the check only looks at the file's identity)
                    if (before == null || before.equals(currentKey(file))) {
                        return new UpgradeLock(file, channel, lock, before != null);
                    }
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    /** Creates the lock file if needed; its identity (inode), or null where the OS has none (Windows). */
    private static Object createdKey(Path file) throws IOException {
        while (true) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // someone else's, fine
            }
            try {
                return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                // deleted between the two: again
            }
        }
    }

    private static Object currentKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return "deleted";
        }
    }

    @Override
    public void close() {
        try {
            if (deleteOnClose) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // left behind: the next opening of this mission takes it over and deletes it
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
