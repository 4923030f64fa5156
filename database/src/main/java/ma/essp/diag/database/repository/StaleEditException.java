package ma.essp.diag.database.repository;

/**
 * The row was changed (or deleted) by someone else since it was read: its version is no longer the one the
 * editor started from. The caller reloads and lets the user decide; nothing was written.
 */
public final class StaleEditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final int id;
    private final int expectedVersion;

    public StaleEditException(String table, int id, int expectedVersion) {
        super(table + " #" + id + " is no longer at version " + expectedVersion + " (changed or removed meanwhile)");
        this.table = table;
        this.id = id;
        this.expectedVersion = expectedVersion;
    }

    public String table() {
        return table;
    }

    public int id() {
        return id;
    }

    public int expectedVersion() {
        return expectedVersion;
    }
}
