package ma.essp.diag.reporting.readiness;

import java.util.Map;

/**
 * Service-specific readiness of one service at one ESSP: the mean of its domain scores (staff and guidelines,
 * equipment, diagnostics, medicines and commodities), by the same rule as the general index
 * ({@link ReadinessCalculator#meanOfDomains}). Only computed for services the ESSP offers.
 *
 * @param requirement what the catalogue asks of the ESSP's category: required, optional, not_expected, or
 *                    {@code unspecified} when the catalogue says nothing
 */
public record ServiceReadiness(String serviceCode, String labelFr, String requirement, Map<String, DomainScore> domains,
                               Double index, int applicable, int answered) {

    public ServiceReadiness {
        domains = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(domains));
    }

    public Double completeness() {
        return applicable == 0 ? null : (double) answered / applicable;
    }
}
