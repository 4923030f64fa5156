package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_SERVICE;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PMS_CATALOGUE_VERSION;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_AREA;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_REQUIREMENT;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.SARA_DOMAIN;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.shl;
import static org.jooq.impl.DSL.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.jooq.tables.AssessmentAnswer;
import ma.essp.diag.database.repository.ReadinessData.Assessment;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record1;
import org.jooq.Record5;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Loads {@link ReadinessData} for the whole mission in a handful of set-based queries (one per table, the
 * answers of the selected assessments in a single scan). Deleted rows are ignored everywhere. The indices are
 * computed from this in {@code ma.essp.diag.reporting.readiness}, never in SQL, so that the GUI, the CLI and the
 * exports cannot disagree.
 */
public final class ReadinessDataRepository {

    /** Which assessment of each ESSP feeds the indices. */
    public enum AssessmentSelection {
        /** The most recent one (by assessment date, then by id), whatever its status: the default. */
        LATEST,
        /** The most recent one marked complete. */
        LATEST_COMPLETE
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReadinessDataRepository.class);

    private final DSLContext dsl;

    public ReadinessDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ReadinessData load() {
        return load(AssessmentSelection.LATEST);
    }

    public ReadinessData load(AssessmentSelection selection) {
        long start = System.nanoTime();
        List<ReadinessData.Domain> domains = dsl.selectFrom(SARA_DOMAIN).orderBy(SARA_DOMAIN.SORT_ORDER).fetch(r ->
                new ReadinessData.Domain(r.getCode(), r.getScope(), r.getLabelFr(), r.getLabelEn(), r.getLabelAr(), r.getSortOrder()));
        List<ReadinessData.CatalogueVersion> versions = dsl.selectFrom(PMS_CATALOGUE_VERSION)
                .where(PMS_CATALOGUE_VERSION.DELETED.isFalse()).orderBy(PMS_CATALOGUE_VERSION.ID)
                .fetch(r -> new ReadinessData.CatalogueVersion(r.getId(), r.getLabel(), r.getStatus(), r.getPublishedOn()));
        List<ReadinessData.Service> services = dsl.select(PMS_SERVICE.ID, PMS_SERVICE.VERSION_ID, PMS_SERVICE.CODE,
                        PMS_SERVICE.LABEL_FR, PMS_SERVICE.LABEL_EN, PMS_SERVICE.LABEL_AR, PMS_SERVICE_AREA.CODE,
                        PMS_SERVICE.SORT_ORDER)
                .from(PMS_SERVICE).join(PMS_SERVICE_AREA).on(PMS_SERVICE_AREA.ID.eq(PMS_SERVICE.AREA_ID))
                .where(PMS_SERVICE.DELETED.isFalse())
                .orderBy(PMS_SERVICE.VERSION_ID, PMS_SERVICE.SORT_ORDER, PMS_SERVICE.CODE)
                .fetch(r -> new ReadinessData.Service(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
        List<ReadinessData.Item> items = dsl.selectFrom(PMS_ITEM).where(PMS_ITEM.DELETED.isFalse())
                .orderBy(PMS_ITEM.VERSION_ID, PMS_ITEM.SORT_ORDER, PMS_ITEM.CODE)
                .fetch(r -> new ReadinessData.Item(r.getId(), r.getVersionId(), r.getServiceId(), r.getDomainCode(),
                        r.getCode(), r.getLabelFr(), r.getLabelEn(), r.getLabelAr(), Boolean.TRUE.equals(r.getInScope()), r.getSortOrder()));
        List<ReadinessData.Requirement> requirements = dsl.selectFrom(PMS_SERVICE_REQUIREMENT)
                .where(PMS_SERVICE_REQUIREMENT.DELETED.isFalse())
                .fetch(r -> new ReadinessData.Requirement(r.getServiceId(), r.getCategoryCode(), r.getRequirement()));
        Map<String, String> effective = new HashMap<>();
        for (Record2<String, String> r : dsl.select(ESSP_CATEGORY.CODE, ESSP_CATEGORY.EQUIVALENT_CODE).from(ESSP_CATEGORY).fetch()) {
            effective.put(r.value1(), r.value2() == null ? r.value1() : r.value2());
        }
        List<ReadinessData.Region> regions = dsl.selectFrom(REGION).where(REGION.DELETED.isFalse()).orderBy(REGION.CODE)
                .fetch(r -> new ReadinessData.Region(r.getId(), r.getCode(), r.getNameFr(), r.getNameAr()));
        List<ReadinessData.Province> provinces = dsl.selectFrom(PROVINCE).where(PROVINCE.DELETED.isFalse()).orderBy(PROVINCE.CODE)
                .fetch(r -> new ReadinessData.Province(r.getId(), r.getRegionId(), r.getCode(), r.getNameFr(), r.getNameAr()));
        List<ReadinessData.Circonscription> circonscriptions = dsl.selectFrom(CIRCONSCRIPTION)
                .where(CIRCONSCRIPTION.DELETED.isFalse()).orderBy(CIRCONSCRIPTION.CODE)
                .fetch(r -> new ReadinessData.Circonscription(r.getId(), r.getProvinceId(), r.getCode(), r.getNameFr(), r.getMilieu(),
                        r.getNameAr()));
        List<ReadinessData.Essp> essps = dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.CATEGORY_CODE, ESSP.MILIEU,
                        ESSP.CIRCONSCRIPTION_ID, CIRCONSCRIPTION.PROVINCE_ID, PROVINCE.REGION_ID, ESSP.POPULATION_SERVED, ESSP.NAME_AR)
                .from(ESSP).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .where(ESSP.DELETED.isFalse()).orderBy(ESSP.CODE)
                .fetch(r -> new ReadinessData.Essp(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
        if (items.stream().anyMatch(i -> i.id() >= MAX_ITEM_ID)) {
            throw new IllegalStateException("item ids above " + MAX_ITEM_ID + " are not supported by the answer loader");
        }
        long catalogueAndTerritory = System.nanoTime();
        List<Assessment> assessments = loadAssessments(selection);
        LOG.debug("readiness data: catalogue, territory and ESSPs {} ms, assessments {} ms",
                (catalogueAndTerritory - start) / 1_000_000, (System.nanoTime() - catalogueAndTerritory) / 1_000_000);
        return new ReadinessData(domains, versions, services, items, requirements, effective, regions, provinces,
                circonscriptions, essps, assessments);
    }

    /** The packed answer rows keep 28 bits for the item id. */
    private static final int MAX_ITEM_ID = 1 << 28;

    /**
     * One answer row as a single integer: {@code (assessment_id << 32) | (item_id << 4) | (reported << 3) | state},
     * the state as its {@link AnswerState} ordinal (a code outside the enum reads as missing).
     */
    static Field<Long> packedAnswer(AssessmentAnswer an) {
        var state = choose(an.STATE).mapValues(stateOrdinals()).else_(inline((long) AnswerState.MISSING.ordinal()));
        Field<Long> reported = when(an.SOURCE.eq("reported"), inline(8L)).else_(inline(0L));
        return shl(an.ASSESSMENT_ID.cast(SQLDataType.BIGINT), inline(32)).bitOr(shl(an.ITEM_ID.cast(SQLDataType.BIGINT), inline(4)))
                .bitOr(reported).bitOr(state);
    }

    private static Map<String, Long> stateOrdinals() {
        Map<String, Long> ordinals = new LinkedHashMap<>();
        for (AnswerState s : AnswerState.values()) {
            ordinals.put(s.code(), (long) s.ordinal());
        }
        return ordinals;
    }

    private List<Assessment> loadAssessments(AssessmentSelection selection) {
        // the selected assessment of each live ESSP: the first by date then id, descending, per ESSP
        var a = ASSESSMENT;
        Condition live = a.DELETED.isFalse();
        if (selection == AssessmentSelection.LATEST_COMPLETE) {
            live = live.and(a.STATUS.eq("complete"));
        }
        Field<Integer> rank = rowNumber().over(partitionBy(a.ESSP_ID).orderBy(a.ASSESSED_ON.desc(), a.ID.desc())).as("rn");
        Table<?> ranked = select(a.ID, a.ESSP_ID, a.CATALOGUE_VERSION_ID, a.ASSESSED_ON, a.STATUS, rank)
                .from(a).join(ESSP).on(ESSP.ID.eq(a.ESSP_ID).and(ESSP.DELETED.isFalse()))
                .where(live)
                .asTable("ranked");
        Field<Integer> id = ranked.field(a.ID);
        Field<Integer> esspId = ranked.field(a.ESSP_ID);
        Field<Integer> versionId = ranked.field(a.CATALOGUE_VERSION_ID);
        Field<LocalDate> assessedOn = ranked.field(a.ASSESSED_ON);
        Field<String> status = ranked.field(a.STATUS);
        Condition selected = ranked.field(rank).eq(1);

        Map<Integer, Record5<Integer, Integer, Integer, LocalDate, String>> headers = new LinkedHashMap<>();
        dsl.select(id, esspId, versionId, assessedOn, status).from(ranked).where(selected).orderBy(esspId)
                .fetch().forEach(r -> headers.put(r.get(id), r));

        // Ordered by (assessment, item): each assessment's answers arrive sorted; read with a cursor, not all at
        // once (~150 answers per ESSP, ~450,000 rows for the national demo).
        // IN rather than a join: SQLite then walks the (assessment_id, item_id) index in order, no sort.
        // One packed integer per row, (assessment << 32) | (item << 4) | (reported << 3) | state ordinal, because
        // sqlite-jdbc pays a native call per column read: one column instead of four halves the time of this scan.
        var an = ASSESSMENT_ANSWER;
        Map<Integer, Answers> answers = new HashMap<>(headers.size() * 2);
        try (Cursor<Record1<Long>> rows = dsl.select(packedAnswer(an))
                .from(an)
                .where(an.ASSESSMENT_ID.in(select(id).from(ranked).where(selected)).and(an.DELETED.isFalse()))
                .orderBy(an.ASSESSMENT_ID, an.ITEM_ID)
                .fetchLazy()) {
            AnswerState[] states = AnswerState.values();
            int current = -1;
            Answers.Builder builder = null;
            for (Record1<Long> r : rows) {
                long packed = r.value1();
                int assessmentId = (int) (packed >>> 32);
                if (assessmentId != current) {
                    if (builder != null) {
                        answers.put(current, builder.build());
                    }
                    current = assessmentId;
                    builder = new Answers.Builder();
                }
                builder.add((int) ((packed & 0xFFFF_FFFFL) >>> 4), states[(int) (packed & 7)], (packed & 8) != 0);
            }
            if (builder != null) {
                answers.put(current, builder.build());
            }
        }

        var sv = ASSESSMENT_SERVICE;
        Map<Integer, Set<Integer>> offered = new HashMap<>(headers.size() * 2);
        dsl.select(sv.ASSESSMENT_ID, sv.SERVICE_ID).from(sv)
                .where(sv.ASSESSMENT_ID.in(select(id).from(ranked).where(selected))
                        .and(sv.DELETED.isFalse()).and(sv.OFFERED.isTrue()))
                .fetch().forEach(r -> offered.computeIfAbsent(r.get(sv.ASSESSMENT_ID), k -> new HashSet<>())
                        .add(r.get(sv.SERVICE_ID)));

        List<Assessment> result = new ArrayList<>(headers.size());
        headers.forEach((assessment, h) -> result.add(new Assessment(assessment, h.get(esspId), h.get(versionId),
                h.get(assessedOn), h.get(status), answers.getOrDefault(assessment, Answers.NONE),
                offered.getOrDefault(assessment, Set.of()))));
        return result;
    }
}
