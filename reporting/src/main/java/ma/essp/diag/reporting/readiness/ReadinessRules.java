package ma.essp.diag.reporting.readiness;

import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import org.jooq.DSLContext;

/**
 * The choices of the readiness method that a figure depends on, carried from the computation to every place that
 * shows the figure (dashboard, {@code essp-diag indices}, the report's method text), so that what a reader is told
 * is what was computed.
 *
 * <h2>Which answers count as available (WHO SARA)</h2>
 * An item counts only when answered "available and functioning", and
 * <ul>
 *   <li>a <b>medicine</b> (domains {@code essential_medicines}, {@code medicines_commodities}) and a
 *       <b>diagnostic</b> (domains {@code diagnostic_capacity}, {@code diagnostics}) only when <b>observed</b>
 *       (SARA: at least one valid unit seen; a test seen functioning) — always, this is not a setting;</li>
 *   <li><b>equipment</b> (domains {@code basic_equipment}, {@code equipment}) only when observed functioning, unless
 *       the mission setting {@value #REPORTED_EQUIPMENT_KEY} is {@code true}: then a reported one counts too;</li>
 *   <li>the other domains (amenities, standard precautions, staff and guidelines) observed or reported, as SARA
 *       accepts the respondent's word there (e.g. staff trained, emergency transport).</li>
 * </ul>
 * A reported answer that does not count stays an answer (it is in the denominator): the item is not verified as
 * available. An answer without a recorded source is taken as observed (the checklist's default).
 *
 * <h2>Unanswered items</h2>
 * {@link Unanswered#EXCLUDED} (the default, the project's reading of SARA): a missing answer is left out of the
 * score and lowers completeness. {@link Unanswered#ABSENT}: SARA's conservative reading, a missing answer counts as
 * not available — offered beside the default as a sensitivity view, never stored.
 *
 * @param reportedEquipment whether equipment counts when only reported (mission setting, default false)
 * @param unanswered        how unanswered applicable items enter a domain score
 */
public record ReadinessRules(boolean reportedEquipment, Unanswered unanswered) {

    /** The mission setting that lets reported equipment count; "true" or "false", absent = false. */
    public static final String REPORTED_EQUIPMENT_KEY = "readiness.reported_equipment";

    /** SARA as the application applies it when the mission says nothing. */
    public static final ReadinessRules DEFAULT = new ReadinessRules(false, Unanswered.EXCLUDED);

    private static final Set<String> OBSERVED_ONLY = Set.of("essential_medicines", "medicines_commodities",
            "diagnostic_capacity", "diagnostics");
    private static final Set<String> EQUIPMENT = Set.of("basic_equipment", "equipment");

    /** How an unanswered applicable item enters a domain score. */
    public enum Unanswered {
        /** Left out of numerator and denominator (the default); counted in completeness. */
        EXCLUDED("excluded"),
        /** Counted as not available (SARA's conservative reading). */
        ABSENT("absent");

        private final String code;

        Unanswered(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Unanswered fromCode(String code) {
            for (Unanswered u : values()) {
                if (u.code.equals(code)) {
                    return u;
                }
            }
            throw new IllegalArgumentException("unknown unanswered rule " + code + " (excluded or absent)");
        }
    }

    public ReadinessRules {
        java.util.Objects.requireNonNull(unanswered, "unanswered");
    }

    /** The rules a mission's settings ask for, with unanswered items excluded. */
    public static ReadinessRules of(Map<String, String> settings) {
        return new ReadinessRules(Boolean.parseBoolean(settings.getOrDefault(REPORTED_EQUIPMENT_KEY, "false").strip()),
                Unanswered.EXCLUDED);
    }

    /** The rules stored in an open mission. */
    public static ReadinessRules ofMission(DSLContext dsl) {
        return of(new MissionSettingsRepository(dsl).all());
    }

    public ReadinessRules withUnanswered(Unanswered rule) {
        return new ReadinessRules(reportedEquipment, rule);
    }

    /** Whether an answer "available and functioning" in {@code domainCode} counts, given its source. */
    public boolean counts(String domainCode, boolean reported) {
        if (!reported) {
            return true;
        }
        if (OBSERVED_ONLY.contains(domainCode)) {
            return false;
        }
        return !EQUIPMENT.contains(domainCode) || reportedEquipment;
    }

    /** Code of the equipment rule as written in CLI output: {@code observed} or {@code observed_or_reported}. */
    public String equipmentSourceCode() {
        return reportedEquipment ? "observed_or_reported" : "observed";
    }
}
