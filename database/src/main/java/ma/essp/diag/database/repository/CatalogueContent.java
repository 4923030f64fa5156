package ma.essp.diag.database.repository;

import java.util.List;
import java.util.Map;

/**
 * The live rows of one catalogue version with their ids, what the catalogue editor shows and edits (a
 * {@link CatalogueSnapshot} is the same content keyed by codes, for comparison and Excel).
 */
public record CatalogueContent(int versionId, List<Area> areas, List<Service> services, List<Item> items,
                               Map<Integer, Map<String, String>> requirementsByService) {

    public CatalogueContent {
        areas = List.copyOf(areas);
        services = List.copyOf(services);
        items = List.copyOf(items);
        requirementsByService = Map.copyOf(requirementsByService);
    }

    public record Labels(String fr, String en, String ar) {
        /** The label in {@code language} ({@code fr}, {@code en}, {@code ar}), French when missing. */
        public String in(String language) {
            return LocalizedLabel.pick(language, fr, en, ar);
        }
    }

    public record Area(int id, String code, Labels labels) {
    }

    public record Service(int id, int areaId, String code, Labels labels) {
    }

    /** {@code serviceId} null: a general readiness item. */
    public record Item(int id, Integer serviceId, String domainCode, String code, Labels labels, boolean inScope, String note) {
    }

    /** Category code to requirement for a service (categories without a row are absent). */
    public Map<String, String> requirements(int serviceId) {
        return requirementsByService.getOrDefault(serviceId, Map.of());
    }
}
