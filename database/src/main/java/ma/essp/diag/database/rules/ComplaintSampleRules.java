package ma.essp.diag.database.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.essp.diag.database.code.Vocabulary;

/**
 * The rules of a sampled complaint, field by field, returned as codes (never words: the window and an import word
 * them): dates in order and not in the future, codes from the vocabularies. A sample with any problem is not saved.
 */
public final class ComplaintSampleRules {

    private ComplaintSampleRules() {
    }

    /** The fields of a sample that can be wrong. */
    public enum Field { RECEIVED, ACKNOWLEDGED, CLOSED, CHANNEL, KIND, CATEGORY, OUTCOME }

    /** What can be wrong with a field. */
    public enum Code { REQUIRED, FUTURE, BEFORE_RECEIVED, UNKNOWN_CODE }

    /** A sample as typed or imported; codes are the stored English codes (null: not chosen). */
    public record Values(LocalDate receivedOn, String channel, String kind, String category, LocalDate acknowledgedOn,
                         LocalDate closedOn, String outcome) {
    }

    /** Field → its first problem, in field order; empty when the sample can be saved. {@code today}: no date after it. */
    public static Map<Field, Code> check(Values v, LocalDate today) {
        Map<Field, Code> problems = new LinkedHashMap<>();
        if (v.receivedOn() == null) {
            problems.put(Field.RECEIVED, Code.REQUIRED);
        } else if (v.receivedOn().isAfter(today)) {
            problems.put(Field.RECEIVED, Code.FUTURE);
        }
        date(problems, Field.ACKNOWLEDGED, v.acknowledgedOn(), v.receivedOn(), today);
        date(problems, Field.CLOSED, v.closedOn(), v.receivedOn(), today);
        code(problems, Field.CHANNEL, Vocabulary.COMPLAINT_CHANNEL, v.channel(), true);
        code(problems, Field.KIND, Vocabulary.COMPLAINT_KIND, v.kind(), true);
        code(problems, Field.CATEGORY, Vocabulary.COMPLAINT_CATEGORY, v.category(), true);
        code(problems, Field.OUTCOME, Vocabulary.COMPLAINT_OUTCOME, v.outcome(), false);
        return problems;
    }

    private static void date(Map<Field, Code> problems, Field field, LocalDate date, LocalDate received, LocalDate today) {
        if (date == null) {
            return;
        }
        if (date.isAfter(today)) {
            problems.put(field, Code.FUTURE);
        } else if (received != null && date.isBefore(received)) {
            problems.put(field, Code.BEFORE_RECEIVED);
        }
    }

    private static void code(Map<Field, Code> problems, Field field, Vocabulary vocabulary, String code, boolean required) {
        if (code == null || code.isBlank()) {
            if (required) {
                problems.put(field, Code.REQUIRED);
            }
        } else if (!vocabulary.contains(code)) {
            problems.put(field, Code.UNKNOWN_CODE);
        }
    }
}
