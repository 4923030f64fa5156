package ma.essp.diag.reporting.readiness;

/**
 * The score of one SARA domain for one ESSP (or one service of one ESSP), with the counts behind it.
 *
 * <ul>
 *   <li>{@code applicable}: tracer items in scope ({@code in_scope = 1}) not answered "not applicable" — the
 *       answered ones plus the missing ones;</li>
 *   <li>{@code answered}: applicable items with a real answer (available and functioning, available not
 *       functioning, absent);</li>
 *   <li>{@code available}: items available and functioning that count under the {@link ReadinessRules} used
 *       (a medicine or diagnostic only when observed…).</li>
 * </ul>
 * score = available ÷ answered × 100: a missing answer is not "absent", so it leaves the score (and shows in
 * completeness = answered ÷ applicable) instead of pulling it down. With {@code unansweredAbsent} (the sensitivity
 * view, {@link ReadinessRules.Unanswered#ABSENT}) score = available ÷ applicable × 100.
 */
public record DomainScore(String domainCode, int applicable, int answered, int available, boolean unansweredAbsent) {

    public DomainScore {
        if (available < 0 || answered < available || applicable < answered) {
            throw new IllegalArgumentException("inconsistent counts " + available + "/" + answered + "/" + applicable);
        }
    }

    /** A score with unanswered items left out (the default). */
    public DomainScore(String domainCode, int applicable, int answered, int available) {
        this(domainCode, applicable, answered, available, false);
    }

    /**
     * Percentage in [0, 100]; null when no applicable item was answered (the domain is unknown, not zero) — with
     * {@code unansweredAbsent}, null only without applicable items.
     */
    public Double score() {
        int denominator = unansweredAbsent ? applicable : answered;
        return denominator == 0 ? null : available * 100.0 / denominator;
    }

    /** answered ÷ applicable in [0, 1]; null when the domain has no applicable item at all. */
    public Double completeness() {
        return applicable == 0 ? null : (double) answered / applicable;
    }

    /** Whether the domain takes part in an index at all (it has at least one applicable item). */
    public boolean hasApplicableItems() {
        return applicable > 0;
    }

    public int missing() {
        return applicable - answered;
    }
}
