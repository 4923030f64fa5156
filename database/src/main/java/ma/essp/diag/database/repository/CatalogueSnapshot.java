package ma.essp.diag.database.repository;

import java.util.List;

/**
 * The content of one catalogue version, keyed by codes rather than ids: what is copied into a draft, compared
 * between versions, and exchanged with Excel.
 */
public record CatalogueSnapshot(List<Area> areas, List<Service> services, List<Item> items,
                                List<Requirement> requirements) {

    public CatalogueSnapshot {
        areas = List.copyOf(areas);
        services = List.copyOf(services);
        items = List.copyOf(items);
        requirements = List.copyOf(requirements);
    }

    public record Area(String code, String labelFr, String labelEn, String labelAr, int sortOrder) {
        /** The label in {@code language} ({@code fr}, {@code en}, {@code ar}), French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }
    }

    public record Service(String code, String areaCode, String labelFr, String labelEn, String labelAr, int sortOrder) {
        /** The label in {@code language} ({@code fr}, {@code en}, {@code ar}), French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }
    }

    /** {@code serviceCode} null: a general readiness item. */
    public record Item(String code, String serviceCode, String domainCode, String labelFr, String labelEn, String labelAr,
                       boolean inScope, String note, int sortOrder) {
        /** The label in {@code language} ({@code fr}, {@code en}, {@code ar}), French when missing. */
        public String label(String language) {
            return LocalizedLabel.pick(language, labelFr, labelEn, labelAr);
        }
    }

    /** {@code requirement}: required, optional or not_expected. */
    public record Requirement(String serviceCode, String categoryCode, String requirement) {
    }
}
