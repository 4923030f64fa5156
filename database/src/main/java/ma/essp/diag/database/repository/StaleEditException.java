package ma.essp.diag.database.repository;

/**
 * The row was changed (or deleted) by someone else since it was read: its version is no longer the one the
 * editor started from. The caller reloads and lets the user decide; nothing was written (in a bulk edit: nothing
 * at all, this names the first stale row).
 */
public final class StaleEditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final int id;
    private final int expectedVersion;
    private final Integer foundVersion;

    public StaleEditException(String table, int id, int expectedVersion) {
        this(table, id, expectedVersion, null);
    }

    /** @param foundVersion the version the row has now, null when there is no such row */
    public StaleEditException(String table, int id, int expectedVersion, Integer foundVersion) {
        super(table + " #" + id + " is no longer at version " + expectedVersion
                + (foundVersion == null ? " (removed or unknown)" : " (now at version " + foundVersion + ")"));
        this.table = table;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.foundVersion = foundVersion;
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

    /** The version found instead, null when the row does not exist. */
    public Integer foundVersion() {
        return foundVersion;
    }
}
