package ma.essp.diag.database.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rules of findings and recommendations that the schema cannot say, as codes the window and the command line
 * word in their own language. Pure functions; the repository checks them again before writing, so a refused edit
 * writes nothing.
 */
public final class RecommendationRules {

    private RecommendationRules() {
    }

    /** What can be wrong. */
    public enum Code {
        /** a recommendation answers no finding */
        NO_FINDING,
        /** the cost estimate is below zero */
        COST_NEGATIVE,
        /** the action (the recommendation's text) is empty */
        ACTION_REQUIRED,
        /** a finding without a title */
        TITLE_REQUIRED
    }

    /** Every problem of a recommendation, in field order; empty when it can be saved. */
    public static List<Code> recommendation(String action, Double costMad, Collection<Integer> findingIds) {
        List<Code> problems = new ArrayList<>();
        if (action == null || action.isBlank()) {
            problems.add(Code.ACTION_REQUIRED);
        }
        if (costMad != null && costMad < 0) {
            problems.add(Code.COST_NEGATIVE);
        }
        if (findingIds == null || findingIds.isEmpty()) {
            problems.add(Code.NO_FINDING);
        }
        return problems;
    }

    /** Every problem of a finding; empty when it can be saved. */
    public static List<Code> finding(String title) {
        return title == null || title.isBlank() ? List.of(Code.TITLE_REQUIRED) : List.of();
    }
}
