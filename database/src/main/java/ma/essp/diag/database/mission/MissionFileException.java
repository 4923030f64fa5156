package ma.essp.diag.database.mission;

import java.nio.file.Path;

/** A mission file that cannot be created or opened; the file itself is left as it was. */
public final class MissionFileException extends Exception {

    /** Why the file was refused; the UI maps each reason to a translated message. */
    public enum Reason {
        NOT_FOUND, NOT_READABLE, ALREADY_EXISTS, EMPTY, NOT_SQLITE, CORRUPTED, NOT_A_MISSION,
        NEWER_SCHEMA, FAILED_MIGRATION, IO_ERROR,
        /** Another program holds a lock on the file. */
        IN_USE,
        /** The folder (or the file) is read-only, so SQLite cannot write its -wal/-shm or the mission. */
        READ_ONLY,
        /** An interrupted write left a -journal that must be rolled back, and the folder is read-only. */
        HOT_JOURNAL,
        /** A table the schema version promises is missing: the file was altered outside the application. */
        SCHEMA_INCOMPLETE
    }

    private final Path file;
    private final Reason reason;

    public MissionFileException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    public MissionFileException(Path file, Reason reason, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }
}
