package ma.essp.diag.database.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output path that must not be written: the message is one line naming the path and the reason, and
 * {@link #reason()} lets the window say it in the user's language.
 */
public final class OutputRefusedException extends IOException {

    /** Why an output path is refused. */
    public enum Reason {
        /** An existing SQLite database: a mission (perhaps the open one), a backup or another program's data. */
        DATABASE("it is a SQLite database (a mission or a backup): choose another file"),
        /** The -wal, -shm or -journal companion of a SQLite database. */
        DATABASE_COMPANION("it belongs to a SQLite database (its -wal, -shm or -journal file)"),
        /** Inside the application's backups or temporary folder. */
        PROTECTED_FOLDER("it is inside the application's backups or temporary folder"),
        /** A folder. */
        FOLDER("it is a folder"),
        /** A FIFO, a device, a socket or anything else that is not a regular file. */
        NOT_REGULAR_FILE("it is not a regular file (a device, a pipe or a socket)"),
        /** The folder of the output does not exist. */
        NO_FOLDER("its folder does not exist");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final transient Path path;
    private final Reason reason;

    public OutputRefusedException(Path path, Reason reason) {
        super(path + ": refused as an output: " + reason.text());
        this.path = path;
        this.reason = reason;
    }

    public Path path() {
        return path;
    }

    public Reason reason() {
        return reason;
    }
}
