package ma.essp.diag.reporting.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputRefusedException;
import ma.essp.diag.database.files.OutputTarget;

/**
 * Writes a report so that the destination holds either the previous file or the complete new one, never a
 * half-written one ({@link AtomicOutput}: a journaled temporary file in the destination's real folder, moved over the
 * destination only on success, deleted on failure or cancellation), and never over what {@link OutputTarget} refuses
 * (a mission or any SQLite database, its -wal/-shm/-journal, the backups folder, a device, a pipe, a folder).
 */
public final class AtomicFileWriter {

    /** The body of a write; may throw anything, the temporary file is then removed. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws Exception;
    }

    private AtomicFileWriter() {
    }

    /**
     * Checks up front that the destination may be written (the {@link OutputTarget} rule) and that its folder is
     * writable, with a message for the user.
     */
    public static void checkWritable(Path destination) throws ExportException {
        Path real;
        try {
            real = OutputTarget.resolve(destination);
        } catch (OutputRefusedException e) {
            throw new ExportException(e.getMessage(), e);
        }
        Path dir = real.getParent();
        if (!Files.isWritable(dir) || (Files.exists(real) && !Files.isWritable(real))) {
            throw new ExportException("cannot write " + destination + ": permission denied (choose another folder)");
        }
    }

    public static void write(Path destination, Body body) throws ExportException {
        checkWritable(destination);
        try {
            AtomicOutput.write(destination, OutputTarget.Policy.OUTPUT, temp -> {
                // not Files.createTempFile: its owner-only permissions would stay on the report after the move
                try (OutputStream out = new BufferedOutputStream(
                        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                    body.write(out);
                }
                ExportCancelledException.checkCancelled();
            });
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
            if (e instanceof OutputRefusedException refused) {
                throw new ExportException(refused.getMessage(), refused);
            }
            if (e instanceof AccessDeniedException) {
                throw new ExportException("cannot write " + destination + ": permission denied (choose another folder)", e);
            }
            if (e instanceof IOException) {
                throw new ExportException("cannot write " + destination + ": " + e.getMessage(), e);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new ExportException("export failed: " + e.getMessage(), e);
        }
    }
}
