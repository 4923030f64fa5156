package ma.essp.diag.reporting.readiness;

import java.util.Map;
import ma.essp.diag.database.repository.ReadinessData;

/**
 * Everything computed for one ESSP from its selected assessment. An ESSP without an assessment has
 * {@code assessment == null}, empty maps and null indices: it counts in "registered" but in no figure.
 *
 * @param effectiveCategory the current category (legacy names mapped through {@code equivalent_code})
 * @param generalDomains    the general domains of the catalogue version, in display order
 * @param generalIndex      general service readiness index, null when undefined (see
 *                          {@link ReadinessCalculator#meanOfDomains})
 * @param services          service readiness of each offered service, by service code, in catalogue order
 * @param requiredServices  number of services the catalogue requires of the category
 * @param requiredOffered   how many of them the ESSP offers
 */
public record EsspReadiness(ReadinessData.Essp essp, String effectiveCategory, ReadinessData.Assessment assessment,
                            Map<String, DomainScore> generalDomains, Double generalIndex, int generalApplicable,
                            int generalAnswered, Map<String, ServiceReadiness> services, int requiredServices,
                            int requiredOffered) {

    public EsspReadiness {
        generalDomains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(generalDomains));
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    public boolean assessed() {
        return assessment != null;
    }

    /** Completeness of the general readiness items: answered ÷ applicable, null without applicable items. */
    public Double generalCompleteness() {
        return generalApplicable == 0 ? null : (double) generalAnswered / generalApplicable;
    }

    /**
     * PMS coverage = offered required services ÷ services the PMS catalogue requires of the category, × 100; null
     * when the category requires nothing (related structures such as CDTMR, UMM) or the ESSP was not assessed. Not
     * SARA's "service availability" (which counts services per population), hence the name.
     */
    public Double pmsCoverage() {
        return !assessed() || requiredServices == 0 ? null : requiredOffered * 100.0 / requiredServices;
    }

    /**
     * How many general domains the general index is computed over: those with at least one applicable item. Fewer
     * than {@link #generalDomainsTotal()} when a general domain was answered entirely "not applicable" (or has no
     * item in scope), which SARA does not foresee — {@code essp-diag check} flags it.
     */
    public int generalDomainsUsed() {
        return (int) generalDomains.values().stream().filter(DomainScore::hasApplicableItems).count();
    }

    /** The number of general domains of the catalogue (five in SARA). */
    public int generalDomainsTotal() {
        return generalDomains.size();
    }

    /** Whether the general index is defined but computed over fewer than all general domains. */
    public boolean generalIndexReduced() {
        return generalIndex != null && generalDomainsUsed() < generalDomainsTotal();
    }
}
