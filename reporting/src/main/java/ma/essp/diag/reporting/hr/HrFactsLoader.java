package ma.essp.diag.reporting.hr;

import static ma.essp.diag.database.jooq.Tables.CADRE;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.reporting.hr.HrFacts.Area;
import ma.essp.diag.reporting.hr.HrFacts.Cadre;
import ma.essp.diag.reporting.hr.HrFacts.EsspFacts;
import ma.essp.diag.reporting.hr.HrFacts.StaffLine;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads {@link HrFacts} from a mission in four set-based queries (national scale: ~3,000 ESSPs, ~30,000 positions). */
public final class HrFactsLoader {

    private final DSLContext dsl;

    public HrFactsLoader(DSLContext dsl) {
        this.dsl = dsl;
    }

    public HrFacts load() {
        Map<String, Cadre> cadres = new LinkedHashMap<>();
        dsl.selectFrom(CADRE).orderBy(CADRE.SORT_ORDER).forEach(c -> cadres.put(c.getCode(), new Cadre(c.getCode(), c.getLabelFr(),
                c.getLabelEn(), c.getLabelAr(), Boolean.TRUE.equals(c.getCoreHealthWorker()), c.getSortOrder())));

        Map<Integer, List<StaffLine>> staff = new HashMap<>();
        var fte = DSL.sum(STAFF_POSITION.FTE);
        var count = DSL.count();
        dsl.select(STAFF_POSITION.ESSP_ID, STAFF_POSITION.CADRE_CODE, STAFF_POSITION.STATUS, count, fte)
                .from(STAFF_POSITION)
                .where(STAFF_POSITION.DELETED.isFalse()).and(STAFF_POSITION.ESSP_ID.isNotNull())
                .groupBy(STAFF_POSITION.ESSP_ID, STAFF_POSITION.CADRE_CODE, STAFF_POSITION.STATUS)
                .forEach(r -> staff.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new StaffLine(r.value2(), r.value3(), r.value4(), r.value5() == null ? 0 : r.value5().doubleValue())));

        Map<Integer, Area> circonscriptions = new HashMap<>();
        Map<Integer, Area> provinces = new HashMap<>();
        Map<Integer, Area> regions = new HashMap<>();
        List<EsspFacts> essps = dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.CATEGORY_CODE, ESSP.DELIVERY_UNIT, ESSP.POPULATION_SERVED,
                        ESSP_CATEGORY.LEVEL, ESSP_CATEGORY.RELATED_STRUCTURE, ESSP_CATEGORY.DELIVERY_UNIT,
                        CIRCONSCRIPTION.ID, CIRCONSCRIPTION.CODE, CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.NAME_AR, CIRCONSCRIPTION.POPULATION,
                        PROVINCE.ID, PROVINCE.CODE, PROVINCE.NAME_FR, PROVINCE.NAME_AR, PROVINCE.POPULATION_2024,
                        REGION.ID, REGION.CODE, REGION.NAME_FR, REGION.NAME_AR, REGION.POPULATION_2024)
                .from(ESSP).join(ESSP_CATEGORY).on(ESSP_CATEGORY.CODE.eq(ESSP.CATEGORY_CODE))
                .join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(ESSP.DELETED.isFalse())
                .orderBy(ESSP.CODE)
                .fetch(r -> {
                    Integer level = r.get(ESSP_CATEGORY.LEVEL);
                    boolean related = Boolean.TRUE.equals(r.get(ESSP_CATEGORY.RELATED_STRUCTURE));
                    Area c = circonscriptions.computeIfAbsent(r.get(CIRCONSCRIPTION.ID), id -> new Area(id, r.get(CIRCONSCRIPTION.CODE),
                            r.get(CIRCONSCRIPTION.NAME_FR), r.get(CIRCONSCRIPTION.NAME_AR), toLong(r.get(CIRCONSCRIPTION.POPULATION))));
                    Area p = provinces.computeIfAbsent(r.get(PROVINCE.ID), id -> new Area(id, r.get(PROVINCE.CODE), r.get(PROVINCE.NAME_FR),
                            r.get(PROVINCE.NAME_AR), toLong(r.get(PROVINCE.POPULATION_2024))));
                    Area g = regions.computeIfAbsent(r.get(REGION.ID), id -> new Area(id, r.get(REGION.CODE), r.get(REGION.NAME_FR),
                            r.get(REGION.NAME_AR), toLong(r.get(REGION.POPULATION_2024))));
                    return new EsspFacts(r.get(ESSP.ID), r.get(ESSP.CODE), r.get(ESSP.NAME_FR), r.get(ESSP.CATEGORY_CODE),
                            !related && level != null && level >= 1,
                            Boolean.TRUE.equals(r.get(ESSP_CATEGORY.DELIVERY_UNIT)) || Boolean.TRUE.equals(r.get(ESSP.DELIVERY_UNIT)),
                            c, p, g, toLong(r.get(ESSP.POPULATION_SERVED)), staff.getOrDefault(r.get(ESSP.ID), List.of()));
                });
        Number nation = dsl.select(DSL.sum(REGION.POPULATION_2024)).from(REGION).where(REGION.DELETED.isFalse()).fetchOne(0, Number.class);
        return new HrFacts(cadres, essps, toLong(nation));
    }

    private static Long toLong(Number n) {
        return n == null ? null : n.longValue();
    }
}
