package ma.essp.diag.database.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two catalogue versions, matched by code: areas, services, items (changed fields named),
 * and requirements (matched by service and category).
 */
public record CatalogueDiff(List<Change> changes) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public enum Entity { AREA, SERVICE, ITEM, REQUIREMENT }

    /** One change; {@code fields} names what differs for a CHANGED row (e.g. label_fr, in_scope). */
    public record Change(Entity entity, Kind kind, String code, List<String> fields) {
    }

    public CatalogueDiff {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<Change> of(Entity entity, Kind kind) {
        return changes.stream().filter(c -> c.entity() == entity && c.kind() == kind).toList();
    }

    public static CatalogueDiff between(CatalogueSnapshot from, CatalogueSnapshot to) {
        List<Change> changes = new ArrayList<>();
        diff(changes, Entity.AREA, from.areas(), to.areas(), CatalogueSnapshot.Area::code, Map.of(
                "label_fr", CatalogueSnapshot.Area::labelFr, "label_en", CatalogueSnapshot.Area::labelEn,
                "label_ar", CatalogueSnapshot.Area::labelAr, "sort_order", CatalogueSnapshot.Area::sortOrder));
        diff(changes, Entity.SERVICE, from.services(), to.services(), CatalogueSnapshot.Service::code, Map.of(
                "area", CatalogueSnapshot.Service::areaCode, "label_fr", CatalogueSnapshot.Service::labelFr,
                "label_en", CatalogueSnapshot.Service::labelEn, "label_ar", CatalogueSnapshot.Service::labelAr,
                "sort_order", CatalogueSnapshot.Service::sortOrder));
        Map<String, Function<CatalogueSnapshot.Item, Object>> itemFields = new LinkedHashMap<>();
        itemFields.put("service", CatalogueSnapshot.Item::serviceCode);
        itemFields.put("domain", CatalogueSnapshot.Item::domainCode);
        itemFields.put("label_fr", CatalogueSnapshot.Item::labelFr);
        itemFields.put("label_en", CatalogueSnapshot.Item::labelEn);
        itemFields.put("label_ar", CatalogueSnapshot.Item::labelAr);
        itemFields.put("in_scope", CatalogueSnapshot.Item::inScope);
        itemFields.put("note", CatalogueSnapshot.Item::note);
        itemFields.put("sort_order", CatalogueSnapshot.Item::sortOrder);
        diff(changes, Entity.ITEM, from.items(), to.items(), CatalogueSnapshot.Item::code, itemFields);
        diff(changes, Entity.REQUIREMENT, from.requirements(), to.requirements(),
                r -> r.serviceCode() + "/" + r.categoryCode(), Map.of("requirement", CatalogueSnapshot.Requirement::requirement));
        return new CatalogueDiff(changes);
    }

    private static <T> void diff(List<Change> out, Entity entity, List<T> from, List<T> to, Function<T, String> key,
                                 Map<String, Function<T, Object>> fields) {
        Map<String, T> before = new LinkedHashMap<>();
        from.forEach(t -> before.put(key.apply(t), t));
        Map<String, T> after = new LinkedHashMap<>();
        to.forEach(t -> after.put(key.apply(t), t));
        for (Map.Entry<String, T> e : after.entrySet()) {
            T old = before.get(e.getKey());
            if (old == null) {
                out.add(new Change(entity, Kind.ADDED, e.getKey(), List.of()));
                continue;
            }
            List<String> changed = fields.entrySet().stream()
                    .filter(f -> !Objects.equals(f.getValue().apply(old), f.getValue().apply(e.getValue())))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!changed.isEmpty()) {
                out.add(new Change(entity, Kind.CHANGED, e.getKey(), changed));
            }
        }
        before.keySet().stream().filter(k -> !after.containsKey(k))
                .forEach(k -> out.add(new Change(entity, Kind.REMOVED, k, List.of())));
    }
}
