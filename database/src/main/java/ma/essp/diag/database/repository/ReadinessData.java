package ma.essp.diag.database.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the readiness indices need, loaded in a few set-based queries by {@link ReadinessDataRepository}:
 * the catalogue (every version that an assessment uses), the territory, the ESSPs and their selected assessment
 * with its answers and offered services. Plain immutable values: the computation in {@code reporting} is a pure
 * function of this.
 */
public record ReadinessData(
        List<Domain> domains,
        List<CatalogueVersion> versions,
        List<Service> services,
        List<Item> items,
        List<Requirement> requirements,
        Map<String, String> effectiveCategory,
        List<Region> regions,
        List<Province> provinces,
        List<Circonscription> circonscriptions,
        List<Essp> essps,
        List<Assessment> assessments) {

    public ReadinessData {
        domains = List.copyOf(domains);
        versions = List.copyOf(versions);
        services = List.copyOf(services);
        items = List.copyOf(items);
        requirements = List.copyOf(requirements);
        effectiveCategory = Map.copyOf(effectiveCategory);
        regions = List.copyOf(regions);
        provinces = List.copyOf(provinces);
        circonscriptions = List.copyOf(circonscriptions);
        essps = List.copyOf(essps);
        assessments = List.copyOf(assessments);
    }

    /** A SARA domain; scope {@code general} (the five of the general index) or {@code service}. */
    public record Domain(String code, String scope, String labelFr, String labelEn, String labelAr, int sortOrder) {
        public boolean general() {
            return "general".equals(scope);
        }
    }

    public record CatalogueVersion(int id, String label, String status, LocalDate publishedOn) {
    }

    public record Service(int id, int versionId, String code, String labelFr, String labelEn, String labelAr, String areaCode,
                          int sortOrder) {
        /** The label in {@code language} ({@code fr}, {@code en}, {@code ar}), French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }
    }

    /** A tracer item; {@code serviceId} null for a general readiness item. */
    public record Item(int id, int versionId, Integer serviceId, String domainCode, String code, String labelFr,
                       String labelEn, String labelAr, boolean inScope, int sortOrder) {
        /** The label in {@code language} ({@code fr}, {@code en}, {@code ar}), French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }

        public boolean general() {
            return serviceId == null;
        }
    }

    /** What a category must do about a service: {@code required}, {@code optional} or {@code not_expected}. */
    public record Requirement(int serviceId, String categoryCode, String requirement) {
        public boolean required() {
            return "required".equals(requirement);
        }
    }

    /** {@code name} French (the CLI and the exports), {@code nameAr} Arabic for the screens (null when unknown). */
    public record Region(int id, String code, String name, String nameAr) {
        public Region(int id, String code, String name) {
            this(id, code, name, null);
        }
    }

    public record Province(int id, int regionId, String code, String name, String nameAr) {
        public Province(int id, int regionId, String code, String name) {
            this(id, regionId, code, name, null);
        }
    }

    public record Circonscription(int id, int provinceId, String code, String name, String milieu, String nameAr) {
        public Circonscription(int id, int provinceId, String code, String name, String milieu) {
            this(id, provinceId, code, name, milieu, null);
        }
    }

    /**
     * An ESSP with its place in the territory. {@code categoryCode} as recorded (legacy names included);
     * the requirements use {@link ReadinessData#effectiveCategory()}.
     */
    public record Essp(int id, String code, String name, String categoryCode, String milieu, int circonscriptionId,
                       int provinceId, int regionId, Integer populationServed, String nameAr) {
        public Essp(int id, String code, String name, String categoryCode, String milieu, int circonscriptionId,
                    int provinceId, int regionId, Integer populationServed) {
            this(id, code, name, categoryCode, milieu, circonscriptionId, provinceId, regionId, populationServed, null);
        }
    }

    /**
     * The assessment selected for an ESSP, with its answers by item id (items without an answer are missing)
     * and the ids of the services recorded as offered.
     */
    public record Assessment(int id, int esspId, int catalogueVersionId, LocalDate assessedOn, String status,
                             Answers answers, java.util.Set<Integer> offeredServiceIds) {
        public Assessment {
            offeredServiceIds = java.util.Set.copyOf(offeredServiceIds);
        }

        public Assessment(int id, int esspId, int catalogueVersionId, LocalDate assessedOn, String status,
                          Map<Integer, AnswerState> answers, java.util.Set<Integer> offeredServiceIds) {
            this(id, esspId, catalogueVersionId, assessedOn, status, Answers.of(answers), offeredServiceIds);
        }

        public AnswerState answer(int itemId) {
            return answers.get(itemId);
        }

        /** Whether the answer to {@code itemId} rests on the respondent's word only (source 'reported'). */
        public boolean reported(int itemId) {
            return answers.reported(itemId);
        }
    }
}
