package ma.essp.diag.database.merge;

/** The merge needs decisions it was not given (conflicts, duplicate candidates, code clashes): nothing was written. */
public final class MergeBlockedException extends RuntimeException {

    private final int conflicts;
    private final int duplicates;
    private final int clashes;

    public MergeBlockedException(int conflicts, int duplicates, int clashes) {
        super("the merge needs decisions: " + conflicts + " conflict(s), " + duplicates + " duplicate candidate(s), "
                + clashes + " ESSP code(s) to renumber; nothing was written");
        this.conflicts = conflicts;
        this.duplicates = duplicates;
        this.clashes = clashes;
    }

    public int conflicts() {
        return conflicts;
    }

    public int duplicates() {
        return duplicates;
    }

    public int clashes() {
        return clashes;
    }
}
