package ma.essp.diag.database.merge;

import java.util.Map;

/**
 * How the user resolved what a merge cannot decide alone.
 *
 * @param take         the side every conflict takes unless {@code results} says otherwise (null: none chosen)
 * @param duplicates   what to do with every duplicate candidate unless {@code perDuplicate} says otherwise (null: none)
 * @param renumber     agreement to give a new code to an incoming ESSP whose code a different ESSP here has
 * @param perDuplicate the other file's uuid of a candidate to its choice
 * @param results      {@link MergePlan.RowDiff#fieldKey} to the value the field gets (text as in the audit; a
 *                     foreign key as the uuid of the row it points to), for a conflict taken field by field or edited
 */
public record MergeDecisions(Take take, DuplicateChoice duplicates, boolean renumber,
                             Map<String, DuplicateChoice> perDuplicate, Map<String, String> results) {

    public enum Take { MINE, THEIRS }

    public enum DuplicateChoice { LINK, KEEP }

    public MergeDecisions {
        perDuplicate = Map.copyOf(perDuplicate);
        results = Map.copyOf(results);
    }

    public static MergeDecisions of(Take take, DuplicateChoice duplicates, boolean renumber) {
        return new MergeDecisions(take, duplicates, renumber, Map.of(), Map.of());
    }

    DuplicateChoice choiceFor(String theirsUuid) {
        return perDuplicate.getOrDefault(theirsUuid, duplicates);
    }
}
