package ma.essp.diag.database.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output so that its destination holds either the previous file or the complete new one, never a half
 * written one, and never replaces what {@link OutputTarget} refuses: the destination is checked first (before any
 * work) and again just before the move; the content goes to a {@link TempFiles#partNextTo journaled temporary file}
 * in the destination's real folder (same file system, so the move is atomic), which is moved over the destination
 * only on success and deleted on failure, cancellation or refusal.
 */
public final class AtomicOutput {

    /** Writes the content into {@code temp} (which does not exist yet); may throw, the temporary file then goes. */
    @FunctionalInterface
    public interface Body<E extends Exception> {
        void write(Path temp) throws E, IOException;
    }

    private AtomicOutput() {
    }

    /**
     * Writes {@code requested} through {@code body}.
     *
     * @return the real file written (links resolved)
     * @throws OutputRefusedException if the destination is refused, before {@code body} runs or before the move
     */
    public static <E extends Exception> Path write(Path requested, OutputTarget.Policy policy, Body<E> body)
            throws E, IOException {
        Path target = OutputTarget.resolve(requested, policy);
        Path part = TempFiles.partNextTo(target);
        try {
            body.write(part);
            OutputTarget.resolve(requested, policy); // the destination may have changed meanwhile
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            TempFiles.release(part); // after the move only the journal entry is left to remove
        }
    }
}
