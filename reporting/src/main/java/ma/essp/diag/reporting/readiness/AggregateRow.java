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
 * @param pmsCoverage       offered required services ÷ services the PMS requires of the category (not SARA's
 *                          service availability)
 * @param services          service-specific readiness by service code, over the ESSPs offering the service only
 * @param generalReduced    of the {@code general.n()} ESSPs behind the general index, those whose index is computed
 *                          over fewer general domains than the catalogue has (a domain entirely "not applicable")
 * @param generalFewestDomains the fewest general domains behind any of those ESSP indices (= all when none is
 *                          reduced; 0 when no ESSP has an index)
 * @param generalDomainsTotal the number of general domains of the catalogue (five)
 */
public record AggregateRow(AggregationLevel level, String code, String name, String group, Weighting weighting,
                           int registered, int assessed, Figure general, Map<String, Figure> generalDomains,
                           Figure pmsCoverage, Map<String, Figure> services, int generalReduced,
                           int generalFewestDomains, int generalDomainsTotal) {

    /** "4/5": the fewest general domains behind the index over all of them; "" when no ESSP has an index. */
    public String generalDomainsLabel() {
        return general.n() == 0 ? "" : generalFewestDomains + "/" + generalDomainsTotal;
    }

    public AggregateRow {
        generalDomains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(generalDomains));
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }
}
