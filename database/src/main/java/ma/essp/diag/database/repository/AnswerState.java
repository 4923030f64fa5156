package ma.essp.diag.database.repository;

/**
 * The SARA answer for one tracer item, as stored in {@code assessment_answer.state}. An item without a row
 * is {@link #MISSING} too.
 */
public enum AnswerState {
    AVAILABLE_FUNCTIONING("available_functioning"),
    AVAILABLE_NOT_FUNCTIONING("available_not_functioning"),
    ABSENT("absent"),
    NOT_APPLICABLE("not_applicable"),
    MISSING("missing");

    private final String code;

    AnswerState(String code) {
        this.code = code;
    }

    /** The code stored in the database. */
    public String code() {
        return code;
    }

    /** Answered = anything but missing (not applicable is an answer, though it leaves the item out). */
    public boolean answered() {
        return this != MISSING;
    }

    /** Known not to be available and functioning: what gap analysis calls "lacking". */
    public boolean lacking() {
        return this == ABSENT || this == AVAILABLE_NOT_FUNCTIONING;
    }

    public static AnswerState fromCode(String code) {
        if (code == null) {
            return MISSING;
        }
        return switch (code) {
            case "available_functioning" -> AVAILABLE_FUNCTIONING;
            case "available_not_functioning" -> AVAILABLE_NOT_FUNCTIONING;
            case "absent" -> ABSENT;
            case "not_applicable" -> NOT_APPLICABLE;
            case "missing" -> MISSING;
            default -> throw new IllegalArgumentException("unknown answer state " + code);
        };
    }
}
