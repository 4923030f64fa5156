package ma.essp.diag.database.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * The rules of the training evaluation (pre/post tests, Kirkpatrick level 1) and of the collective projects (V19),
 * returning what is wrong as a {@link Code} with its arguments (empty when fine), never words: the Formation screens
 * word the codes. Pure functions.
 */
public final class TrainingOutcomeRules {

    /** A test score is the share of the test's points, 0–100. */
    public static final double MAX_SCORE = 100;
    /** The reaction (satisfaction) scale, 1–5. */
    public static final double MIN_REACTION = 1;
    public static final double MAX_REACTION = 5;

    private TrainingOutcomeRules() {
    }

    /** What can be wrong. */
    public enum Code {
        NOT_A_NUMBER,
        /** a pre- or post-test score outside 0–100 */
        SCORE_OUT_OF_RANGE,
        /** a reaction score outside 1–5 */
        REACTION_OUT_OF_RANGE,
        TITLE_REQUIRED,
        /** a project's theme is linked to neither a ToR axis nor a reform */
        THEME_LINK_REQUIRED,
        /** the axis is not 1–7 */
        AXIS_OUT_OF_RANGE,
        /** args: the cohort's first day */
        DEFENCE_BEFORE_COHORT,
        /** a team member is not a participant of the project's cohort */
        MEMBER_NOT_IN_COHORT,
        /** a result other than pending needs the defence date */
        RESULT_WITHOUT_DEFENCE
    }

    /** A problem: its code and the arguments its message needs (see {@link Code}). */
    public record Problem(Code code, Object... args) {
    }

    private static Optional<Problem> problem(Code code, Object... args) {
        return Optional.of(new Problem(code, args));
    }

    /** A pre- or post-test score: empty (not taken) or 0–100. */
    public static Optional<Problem> score(Double score) {
        if (score == null) {
            return Optional.empty();
        }
        if (score.isNaN() || score.isInfinite()) {
            return problem(Code.NOT_A_NUMBER);
        }
        return score < 0 || score > MAX_SCORE ? problem(Code.SCORE_OUT_OF_RANGE) : Optional.empty();
    }

    /** A reaction score (Kirkpatrick level 1): empty (no questionnaire) or 1–5. */
    public static Optional<Problem> reaction(Double score) {
        if (score == null) {
            return Optional.empty();
        }
        if (score.isNaN() || score.isInfinite()) {
            return problem(Code.NOT_A_NUMBER);
        }
        return score < MIN_REACTION || score > MAX_REACTION ? problem(Code.REACTION_OUT_OF_RANGE) : Optional.empty();
    }

    /**
     * A collective project: a title; its theme linked to an axis (1–7) or a reform (or both); defended on or after the
     * cohort's first day; passed or failed only once defended; every team member a participant of the cohort.
     */
    public static Optional<Problem> project(String title, Integer axis, String reform, LocalDate defendedOn, String result,
                                            LocalDate cohortStart, Collection<Integer> memberIds,
                                            Collection<Integer> cohortParticipantIds) {
        if (title == null || title.isBlank()) {
            return problem(Code.TITLE_REQUIRED);
        }
        if (axis != null && (axis < 1 || axis > 7)) {
            return problem(Code.AXIS_OUT_OF_RANGE);
        }
        if (axis == null && (reform == null || reform.isBlank())) {
            return problem(Code.THEME_LINK_REQUIRED);
        }
        if (defendedOn != null && cohortStart != null && defendedOn.isBefore(cohortStart)) {
            return problem(Code.DEFENCE_BEFORE_COHORT, cohortStart);
        }
        if (defendedOn == null && result != null && !"pending".equals(result)) {
            return problem(Code.RESULT_WITHOUT_DEFENCE);
        }
        if (!cohortParticipantIds.containsAll(memberIds)) {
            return problem(Code.MEMBER_NOT_IN_COHORT);
        }
        return Optional.empty();
    }
}
