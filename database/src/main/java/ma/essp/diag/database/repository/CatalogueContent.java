package ma.essp.diag.database.repository;

import java.util.List;
import java.util.Map;

/**
 * The live rows of one catalogue version with their ids, what the catalogue editor shows and edits (a
 * {@link CatalogueSnapshot} is the same content keyed by codes, for comparison and Excel).
 */
public record CatalogueContent(int versionId, List<Area> areas, List<Service> services, List<Item> items,
                               Map<Integer, Map<String, String>> requirementsByService,
                               Map<Integer, Map<String, Integer>> requirementVersionsByService) {

    public CatalogueContent {
        areas = List.copyOf(areas);
        services = List.copyOf(services);
        items = List.copyOf(items);
        requirementsByService = Map.copyOf(requirementsByService);
        requirementVersionsByService = Map.copyOf(requirementVersionsByService);
    }

    public record Labels(String fr, String en, String ar) {
        /** The label in {@code language} ({@code fr}, {@code en}, {@code ar}), French when missing. */
        public String in(String language) {
            return LocalizedLabel.pick(language, fr, en, ar);
        }
    }

    /** {@code version}: the row version read, what an edit of the row starts from (also for services and items). */
    public record Area(int id, int version, String code, Labels labels) {
    }

    public record Service(int id, int version, int areaId, String code, Labels labels) {
    }

    /** {@code serviceId} null: a general readiness item. */
    public record Item(int id, int version, Integer serviceId, String domainCode, String code, Labels labels, boolean inScope, String note) {
    }

    /** Category code to requirement for a service (categories without a row are absent). */
    public Map<String, String> requirements(int serviceId) {
        return requirementsByService.getOrDefault(serviceId, Map.of());
    }

    /** The version of a service's requirement row for a category, null when the category has none. */
    public Integer requirementVersion(int serviceId, String categoryCode) {
        return requirementVersionsByService.getOrDefault(serviceId, Map.of()).get(categoryCode);
    }
}
