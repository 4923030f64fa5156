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

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
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
                .fetch().forEach(r -> headers.put(r.value1(), r));

        // Every live answer in one table scan, in the file's order, and those of the selected assessments kept here:
        // no ORDER BY and no IN, which made SQLite walk the (assessment_id, item_id) index and fetch each row from the
        // table by its rowid (~40 % more of its time than scanning the table, on the national demo's ~476,000 answers,
        // where every assessment is selected; a mission with older assessments reads their answers too and drops them).
        // One packed integer per row, (assessment << 32) | (item << 4) | (reported << 3) | state ordinal, because
        // sqlite-jdbc pays a native call per column read; read from the JDBC result set itself, not as jOOQ records
        // (one record per row was about a third of the read). Each assessment's answers are sorted by item when built.
        var an = ASSESSMENT_ANSWER;
        Map<Integer, Answers.Builder> builders = new HashMap<>(headers.size() * 2);
        try (ResultSet rows = dsl.select(packedAnswer(an)).from(an).where(an.DELETED.isFalse()).fetchResultSet()) {
            AnswerState[] states = AnswerState.values();
            int current = -1;
            Answers.Builder builder = null;
            while (rows.next()) {
                long packed = rows.getLong(1);
                int assessmentId = (int) (packed >>> 32);
                if (assessmentId != current) {
                    current = assessmentId;
                    builder = headers.containsKey(assessmentId)
                            ? builders.computeIfAbsent(assessmentId, k -> new Answers.Builder()) : null;
                }
                if (builder != null) {
                    builder.add((int) ((packed & 0xFFFF_FFFFL) >>> 4), states[(int) (packed & 7)], (packed & 8) != 0);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the assessments' answers: " + e.getMessage(), e);
        }
        Map<Integer, Answers> answers = new HashMap<>(builders.size() * 2);
        builders.forEach((assessment, b) -> answers.put(assessment, b.build()));

        // the services offered, read the same way: every live row offered, those of the selected assessments kept
        var sv = ASSESSMENT_SERVICE;
        Map<Integer, Set<Integer>> offered = new HashMap<>(headers.size() * 2);
        try (ResultSet rows = dsl.select(sv.ASSESSMENT_ID, sv.SERVICE_ID).from(sv)
                .where(sv.DELETED.isFalse()).and(sv.OFFERED.isTrue()).fetchResultSet()) {
            while (rows.next()) {
                int assessmentId = rows.getInt(1);
                if (headers.containsKey(assessmentId)) {
                    offered.computeIfAbsent(assessmentId, k -> new HashSet<>()).add(rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("reading the assessments' services: " + e.getMessage(), e);
        }

        List<Assessment> result = new ArrayList<>(headers.size());
        headers.forEach((assessment, h) -> result.add(new Assessment(assessment, h.value2(), h.value3(),
                h.value4(), h.value5(), answers.getOrDefault(assessment, Answers.NONE),
                offered.getOrDefault(assessment, Set.of()))));
        return result;
    }
}
