package ma.essp.diag.database.merge;

import java.nio.file.Path;

/** The other file cannot be merged into this mission (another mission, the file itself, a run that cannot be undone). */
public final class MergeRefusedException extends Exception {

    public enum Reason { OTHER_MISSION, SAME_FILE, NO_SUCH_RUN, NOT_UNDOABLE }

    private final Reason reason;

    public MergeRefusedException(Path file, Reason reason, String detail) {
        super((file == null ? "" : file + ": ") + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
