package ma.essp.diag.reporting.readiness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.ReadinessData;

/**
 * The WHO SARA readiness rules, in one place: the GUI, the CLI and the exports all call this.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>An item counts as available only when answered "available and functioning" and, for medicines and
 *       diagnostics (and equipment unless the mission allows reported equipment), observed: see
 *       {@link ReadinessRules}, which every figure carries to where it is shown.</li>
 *   <li>Items with {@code in_scope = 0} (e.g. malaria diagnosis in Morocco) and items answered "not applicable"
 *       are left out of numerator and denominator.</li>
 *   <li>A missing answer (no row, or state {@code missing}) is left out of the score and counted in
 *       completeness = answered ÷ applicable ({@link DomainScore}); the sensitivity view counts it as absent.</li>
 *   <li>General service readiness index = mean of the general domain scores; service-specific readiness =
 *       mean of the service's domain scores; both by {@link #meanOfDomains}.</li>
 *   <li>Each assessment is scored with the catalogue version it records, so publishing a new version never
 *       changes the figures of earlier assessments.</li>
 * </ul>
 */
public final class ReadinessCalculator {

    private ReadinessCalculator() {
    }

    /** Computes the per-ESSP readiness of every live ESSP (assessed or not) with the default rules. */
    public static ReadinessResult compute(ReadinessData data) {
        return compute(data, ReadinessRules.DEFAULT);
    }

    /** Computes the per-ESSP readiness of every live ESSP (assessed or not) under {@code rules}. */
    public static ReadinessResult compute(ReadinessData data, ReadinessRules rules) {
        CatalogueModel catalogue = new CatalogueModel(data);
        Map<Integer, ReadinessData.Assessment> assessmentByEssp = new HashMap<>(data.assessments().size() * 2);
        data.assessments().forEach(a -> assessmentByEssp.put(a.esspId(), a));
        List<EsspReadiness> result = new ArrayList<>(data.essps().size());
        for (ReadinessData.Essp essp : data.essps()) {
            String category = data.effectiveCategory().getOrDefault(essp.categoryCode(), essp.categoryCode());
            result.add(computeEssp(catalogue, rules, essp, category, assessmentByEssp.get(essp.id())));
        }
        return new ReadinessResult(data, catalogue, rules, result);
    }

    /** The readiness of one ESSP from one assessment (null: not assessed). */
    public static EsspReadiness computeEssp(CatalogueModel catalogue, ReadinessRules rules, ReadinessData.Essp essp,
                                            String effectiveCategory, ReadinessData.Assessment assessment) {
        if (assessment == null) {
            return new EsspReadiness(essp, effectiveCategory, null, Map.of(), null, 0, 0, Map.of(), 0, 0);
        }
        CatalogueModel.Version version = catalogue.version(assessment.catalogueVersionId());
        Map<String, DomainScore> general = new LinkedHashMap<>();
        int generalApplicable = 0;
        int generalAnswered = 0;
        for (Map.Entry<String, List<ReadinessData.Item>> e : version.generalItemsByDomain().entrySet()) {
            DomainScore score = score(e.getKey(), e.getValue(), assessment, rules);
            general.put(e.getKey(), score);
            generalApplicable += score.applicable();
            generalAnswered += score.answered();
        }
        Map<String, ServiceReadiness> services = new LinkedHashMap<>();
        int required = 0;
        int requiredOffered = 0;
        for (ReadinessData.Service service : version.services()) {
            String requirement = version.requirement(service.id(), effectiveCategory);
            boolean offered = assessment.offeredServiceIds().contains(service.id());
            if ("required".equals(requirement)) {
                required++;
                if (offered) {
                    requiredOffered++;
                }
            }
            if (offered) {
                services.put(service.code(), serviceReadiness(version, service, requirement, assessment, rules));
            }
        }
        return new EsspReadiness(essp, effectiveCategory, assessment, general, meanOfDomains(general.values()),
                generalApplicable, generalAnswered, services, required, requiredOffered);
    }

    private static ServiceReadiness serviceReadiness(CatalogueModel.Version version, ReadinessData.Service service,
                                                     String requirement, ReadinessData.Assessment assessment,
                                                     ReadinessRules rules) {
        Map<String, DomainScore> domains = new LinkedHashMap<>();
        int applicable = 0;
        int answered = 0;
        for (Map.Entry<String, List<ReadinessData.Item>> e : version.serviceItemsByDomain(service.id()).entrySet()) {
            DomainScore score = score(e.getKey(), e.getValue(), assessment, rules);
            domains.put(e.getKey(), score);
            applicable += score.applicable();
            answered += score.answered();
        }
        return new ServiceReadiness(service.code(), service.labelFr(), requirement, domains, meanOfDomains(domains.values()),
                applicable, answered);
    }

    /** Counts one domain's items for one assessment under {@code rules}. */
    public static DomainScore score(String domainCode, Collection<ReadinessData.Item> items, ReadinessData.Assessment assessment,
                                    ReadinessRules rules) {
        int applicable = 0;
        int answered = 0;
        int available = 0;
        for (ReadinessData.Item item : items) {
            if (!item.inScope()) {
                continue;
            }
            AnswerState state = assessment.answer(item.id());
            if (state == AnswerState.NOT_APPLICABLE) {
                continue;
            }
            applicable++;
            if (state != AnswerState.MISSING) {
                answered++;
                if (state == AnswerState.AVAILABLE_FUNCTIONING && rules.counts(domainCode, assessment.reported(item.id()))) {
                    available++;
                }
            }
        }
        return new DomainScore(domainCode, applicable, answered, available, rules.unanswered() == ReadinessRules.Unanswered.ABSENT);
    }

    /**
     * Mean of domain scores, the SARA way, with an explicit rule for holes.
     * <ul>
     *   <li>A domain without any applicable item (none in the catalogue, all out of scope or all "not
     *       applicable") does not take part: it is left out of the mean, as SARA leaves out what does not apply.</li>
     *   <li>A domain with applicable items but none answered makes the index <b>undefined (null)</b>: the
     *       domain's level is unknown, and averaging the other domains would silently present a partial figure
     *       as the index. Completeness shows why it is missing.</li>
     *   <li>No domain with applicable items at all: undefined (null).</li>
     * </ul>
     */
    public static Double meanOfDomains(Collection<DomainScore> domains) {
        double sum = 0;
        int n = 0;
        for (DomainScore d : domains) {
            if (!d.hasApplicableItems()) {
                continue;
            }
            Double score = d.score();
            if (score == null) {
                return null;
            }
            sum += score;
            n++;
        }
        return n == 0 ? null : sum / n;
    }
}
