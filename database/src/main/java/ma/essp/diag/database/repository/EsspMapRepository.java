package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.Province;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What the offline map draws, read in two set-based queries: per map unit (a province of the outline files, keyed
 * by ISO code) its population and ESSP counts, and every live ESSP that has coordinates. Casablanca's préfectures
 * d'arrondissements have no outline of their own: they are counted in their parent prefecture (MA-CAS).
 */
public final class EsspMapRepository {

    private final DSLContext dsl;

    public EsspMapRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A map unit: the provinces (ids) it covers, population (2024 census), ESSPs and those not functioning. */
    public record ProvinceUnit(String isoCode, int provinceId, List<Integer> provinceIds, String code, String nameFr,
                               String nameAr, String regionIso, long population, int essps, int notFunctioning,
                               int partiallyFunctioning) {
    }

    /** {@code functionality} fully|partially|not_functioning. */
    public record EsspPoint(int id, String code, String nameFr, String categoryCode, double latitude, double longitude,
                            String provinceIso, String functionality) {
    }

    public record MapData(List<ProvinceUnit> provinces, List<EsspPoint> essps) {
    }

    public MapData load() {
        Province parent = PROVINCE.as("parent");
        var unitIso = DSL.coalesce(PROVINCE.ISO_CODE, parent.ISO_CODE);
        // map unit of every province: itself, or its parent for a préfecture d'arrondissements
        Map<Integer, String> isoOfProvince = new HashMap<>();
        Map<String, List<Integer>> provincesOfUnit = new LinkedHashMap<>();
        dsl.select(PROVINCE.ID, unitIso).from(PROVINCE).leftJoin(parent).on(parent.ID.eq(PROVINCE.PARENT_PROVINCE_ID))
                .where(PROVINCE.DELETED.isFalse())
                .forEach(r -> {
                    if (r.value2() != null) {
                        isoOfProvince.put(r.value1(), r.value2());
                        provincesOfUnit.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(r.value1());
                    }
                });
        Map<String, int[]> counts = new HashMap<>();
        List<EsspPoint> points = new ArrayList<>();
        dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.CATEGORY_CODE, ESSP.LATITUDE, ESSP.LONGITUDE, ESSP.FUNCTIONALITY,
                        CIRCONSCRIPTION.PROVINCE_ID)
                .from(ESSP).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .where(ESSP.DELETED.isFalse())
                .forEach(r -> {
                    String iso = isoOfProvince.get(r.value8());
                    if (iso != null) {
                        int[] c = counts.computeIfAbsent(iso, k -> new int[3]);
                        c[0]++;
                        if ("not_functioning".equals(r.value7())) {
                            c[1]++;
                        } else if ("partially".equals(r.value7())) {
                            c[2]++;
                        }
                    }
                    if (r.value5() != null && r.value6() != null) {
                        points.add(new EsspPoint(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), iso,
                                r.value7()));
                    }
                });
        List<ProvinceUnit> units = dsl.select(PROVINCE.ID, PROVINCE.ISO_CODE, PROVINCE.CODE, PROVINCE.NAME_FR, PROVINCE.NAME_AR,
                        PROVINCE.POPULATION_2024, REGION.ISO_CODE)
                .from(PROVINCE).join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(PROVINCE.ISO_CODE.isNotNull()).and(PROVINCE.DELETED.isFalse())
                .orderBy(PROVINCE.CODE)
                .fetch(r -> {
                    int[] c = counts.getOrDefault(r.value2(), new int[3]);
                    return new ProvinceUnit(r.value2(), r.value1(), List.copyOf(provincesOfUnit.getOrDefault(r.value2(), List.of(r.value1()))),
                            r.value3(), r.value4(), r.value5(), r.value7(), r.value6() == null ? 0 : r.value6(), c[0], c[1], c[2]);
                });
        return new MapData(units, points);
    }
}
