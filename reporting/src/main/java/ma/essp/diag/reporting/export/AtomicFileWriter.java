package ma.essp.diag.reporting.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that the destination holds either the previous file or the complete new one, never a half-written
 * one: the content goes to a hidden temporary file in the destination folder (same file system, so the final move is
 * atomic), which is moved over the destination only on success and deleted on failure or cancellation.
 */
public final class AtomicFileWriter {

    /** The body of a write; may throw anything, the temporary file is then removed. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws Exception;
    }

    private AtomicFileWriter() {
    }

    /** Checks up front that the destination's folder exists and is writable, with a message for the user. */
    public static void checkWritable(Path destination) throws ExportException {
        Path dir = folderOf(destination);
        if (!Files.isDirectory(dir)) {
            throw new ExportException("cannot write " + destination + ": the folder " + dir + " does not exist");
        }
        if (Files.isDirectory(destination)) {
            throw new ExportException("cannot write " + destination + ": it is a folder");
        }
        if (!Files.isWritable(dir) || (Files.exists(destination) && !Files.isWritable(destination))) {
            throw new ExportException("cannot write " + destination + ": permission denied (choose another folder)");
        }
    }

    public static void write(Path destination, Body body) throws ExportException {
        checkWritable(destination);
        Path dir = folderOf(destination);
        Path temp;
        try {
            // not Files.createTempFile: its owner-only permissions would stay on the report after the move
            temp = dir.resolve("." + destination.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
            Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW).close();
        } catch (AccessDeniedException e) {
            throw new ExportException("cannot write " + destination + ": permission denied (choose another folder)", e);
        } catch (IOException e) {
            throw new ExportException("cannot write " + destination + ": " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                body.write(out);
            }
            ExportCancelledException.checkCancelled();
            try {
                Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (Exception e) {
            // an interrupted thread also makes NIO writes fail (ClosedByInterruptException): still a cancellation
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof ExportCancelledException || Thread.currentThread().isInterrupted()
                    || e.getCause() instanceof ExportCancelledException) {
                throw new ExportCancelledException();
            }
            if (e instanceof ExportException ee) {
                throw ee;
            }
            if (e instanceof IOException) {
                throw new ExportException("cannot write " + destination + ": " + e.getMessage(), e);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new ExportException("export failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a leftover hidden .part file is harmless
                }
            }
        }
    }

    private static Path folderOf(Path destination) {
        Path parent = destination.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
