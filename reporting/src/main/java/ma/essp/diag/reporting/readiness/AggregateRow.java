package ma.essp.diag.reporting.readiness;

import java.util.Map;

/**
 * One line of an aggregate table: a territorial unit (or one ESSP), optionally one group of a breakdown.
 *
 * @param group             the category or milieu of the breakdown, null without breakdown
 * @param registered        live ESSPs in the unit (and group), assessed or not
 * @param assessed          of which with a selected assessment
 * @param general           general service readiness index
 * @param generalDomains    each general domain score, by domain code
 * @param serviceAvailability offered required services ÷ required services
 * @param services          service-specific readiness by service code, over the ESSPs offering the service only
 */
public record AggregateRow(AggregationLevel level, String code, String name, String group, Weighting weighting,
                           int registered, int assessed, Figure general, Map<String, Figure> generalDomains,
                           Figure serviceAvailability, Map<String, Figure> services) {

    public AggregateRow {
        generalDomains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(generalDomains));
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }
}
