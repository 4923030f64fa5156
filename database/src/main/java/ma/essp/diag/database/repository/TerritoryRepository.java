package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The territory as a flat snapshot: regions, provinces/prefectures (Casablanca's préfectures d'arrondissements
 * carry their parent), circonscriptions and ESSPs, each read in one set-based query so that a national mission
 * (≈ 3,000 ESSPs) loads in a few milliseconds. Soft-deleted rows are left out. Building the tree and adding
 * counts up is the caller's business.
 */
public final class TerritoryRepository {

    private final DSLContext dsl;

    public TerritoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Region(int id, String code, String nameFr, String nameAr, long population) {
    }

    /** {@code parentProvinceId} is set for a préfecture d'arrondissements (null otherwise). */
    public record Province(int id, String code, int regionId, Integer parentProvinceId, String type,
                           String nameFr, String nameAr, long population) {
    }

    public record Circonscription(int id, int provinceId, String code, String nameFr, String nameAr, String milieu,
                                  Long population) {
    }

    /** {@code version}: the row version read, what a move of the ESSP starts from. */
    public record Essp(int id, int circonscriptionId, String code, String nameFr, String nameAr, String categoryCode,
                       Long populationServed, int version) {
    }

    /** Everything the territory browser needs, in display order (codes). */
    public record Territory(List<Region> regions, List<Province> provinces, List<Circonscription> circonscriptions,
                            List<Essp> essps) {
        public Territory {
            regions = List.copyOf(regions);
            provinces = List.copyOf(provinces);
            circonscriptions = List.copyOf(circonscriptions);
            essps = List.copyOf(essps);
        }
    }

    public Territory load() {
        List<Region> regions = dsl.select(REGION.ID, REGION.CODE, REGION.NAME_FR, REGION.NAME_AR, REGION.POPULATION_2024)
                .from(REGION).where(REGION.DELETED.isFalse()).orderBy(REGION.CODE)
                .fetch(r -> new Region(r.value1(), r.value2(), r.value3(), r.value4(), longOrZero(r.value5())));
        List<Province> provinces = dsl.select(PROVINCE.ID, PROVINCE.CODE, PROVINCE.REGION_ID, PROVINCE.PARENT_PROVINCE_ID,
                        PROVINCE.TYPE, PROVINCE.NAME_FR, PROVINCE.NAME_AR, PROVINCE.POPULATION_2024)
                .from(PROVINCE).where(PROVINCE.DELETED.isFalse()).orderBy(PROVINCE.REGION_ID, PROVINCE.NAME_FR)
                .fetch(r -> new Province(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        longOrZero(r.value8())));
        List<Circonscription> circonscriptions = dsl.select(CIRCONSCRIPTION.ID, CIRCONSCRIPTION.PROVINCE_ID,
                        CIRCONSCRIPTION.CODE, CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.NAME_AR, CIRCONSCRIPTION.MILIEU,
                        CIRCONSCRIPTION.POPULATION)
                .from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.DELETED.isFalse())
                .orderBy(CIRCONSCRIPTION.PROVINCE_ID, CIRCONSCRIPTION.NAME_FR)
                .fetch(r -> new Circonscription(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7() == null ? null : r.value7().longValue()));
        List<Essp> essps = dsl.select(ESSP.ID, ESSP.CIRCONSCRIPTION_ID, ESSP.CODE, ESSP.NAME_FR, ESSP.NAME_AR,
                        ESSP.CATEGORY_CODE, ESSP.POPULATION_SERVED, ESSP.VERSION)
                .from(ESSP).where(ESSP.DELETED.isFalse()).orderBy(ESSP.CIRCONSCRIPTION_ID, ESSP.NAME_FR)
                .fetch(r -> new Essp(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7() == null ? null : r.value7().longValue(), r.value8()));
        return new Territory(regions, provinces, circonscriptions, essps);
    }

    /**
     * The ISO code of each province's map outline (a préfecture d'arrondissements has none of its own: its
     * prefecture's), to find the province's shape in the shipped outlines.
     */
    public Map<Integer, String> outlineCodes() {
        var parent = PROVINCE.as("parent");
        Map<Integer, String> codes = new HashMap<>();
        dsl.select(PROVINCE.ID, DSL.coalesce(PROVINCE.ISO_CODE, parent.ISO_CODE)).from(PROVINCE)
                .leftJoin(parent).on(parent.ID.eq(PROVINCE.PARENT_PROVINCE_ID))
                .where(PROVINCE.DELETED.isFalse())
                .forEach(r -> {
                    if (r.value2() != null) {
                        codes.put(r.value1(), r.value2());
                    }
                });
        return codes;
    }

    private static long longOrZero(Number n) {
        return n == null ? 0 : n.longValue();
    }
}
