package ma.essp.diag.database.repository;

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

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.repository.ReadinessData.Assessment;
import org.jooq.DSLContext;
import org.jooq.Record2;

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

    /** The packed answer rows keep 28 bits for the item id. */
    private static final int MAX_ITEM_ID = 1 << 28;

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

    /** The selected assessment of each live ESSP, as a CTE reused by the three queries below. */
    private static String selectedCte(AssessmentSelection selection) {
        String complete = selection == AssessmentSelection.LATEST_COMPLETE ? " AND a.status = 'complete'" : "";
        return """
                WITH ranked AS (
                    SELECT a.id, a.essp_id, a.catalogue_version_id, a.assessed_on, a.status,
                           row_number() OVER (PARTITION BY a.essp_id ORDER BY a.assessed_on DESC, a.id DESC) AS rn
                    FROM assessment a JOIN essp e ON e.id = a.essp_id AND e.deleted = 0
                    WHERE a.deleted = 0%s
                ), selected AS (SELECT * FROM ranked WHERE rn = 1)
                """.formatted(complete);
    }

    /** SQL CASE branches turning the stored state code into the AnswerState ordinal (no string per row). */
    private static String stateCodes() {
        StringBuilder b = new StringBuilder();
        for (AnswerState s : AnswerState.values()) {
            b.append("WHEN '").append(s.code()).append("' THEN ").append(s.ordinal()).append(' ');
        }
        return b.toString();
    }

    private List<Assessment> loadAssessments(AssessmentSelection selection) {
        String cte = selectedCte(selection);
        return dsl.connectionResult(connection -> {
            // plain JDBC for the one big scan: ~150 answers per ESSP, ~450,000 rows for the national demo
            Map<Integer, Object[]> headers = new LinkedHashMap<>();
            try (PreparedStatement st = connection.prepareStatement(cte
                    + "SELECT id, essp_id, catalogue_version_id, assessed_on, status FROM selected ORDER BY essp_id");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    headers.put(rs.getInt(1), new Object[] {rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)});
                }
            }
            // Ordered by (assessment, item): the unique index serves it, and each assessment's answers arrive sorted.
            // One packed integer per row, (assessment << 32) | (item << 4) | (reported << 3) | state ordinal, because
            // sqlite-jdbc pays a native call per column read: this halves the time of the one big scan (~450,000 rows).
            Map<Integer, Answers> answers = new HashMap<>(headers.size() * 2);
            try (PreparedStatement st = connection.prepareStatement(cte
                    + "SELECT (an.assessment_id << 32) | (an.item_id << 4) | (CASE WHEN an.source = 'reported' THEN 8 ELSE 0 END)"
                    + " | CASE an.state " + stateCodes() + "ELSE " + AnswerState.MISSING.ordinal() + " END"
                    // IN rather than a join: SQLite then walks the (assessment_id, item_id) index in order, no sort
                    + " FROM assessment_answer an WHERE an.assessment_id IN (SELECT id FROM selected) AND an.deleted = 0"
                    + " ORDER BY an.assessment_id, an.item_id");
                 ResultSet rs = st.executeQuery()) {
                AnswerState[] states = AnswerState.values();
                int current = -1;
                Answers.Builder builder = null;
                while (rs.next()) {
                    long packed = rs.getLong(1);
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
            Map<Integer, Set<Integer>> offered = new HashMap<>(headers.size() * 2);
            try (PreparedStatement st = connection.prepareStatement(cte
                    + "SELECT sv.assessment_id, sv.service_id FROM assessment_service sv "
                    + "WHERE sv.assessment_id IN (SELECT id FROM selected) AND sv.deleted = 0 AND sv.offered = 1");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    offered.computeIfAbsent(rs.getInt(1), k -> new HashSet<>()).add(rs.getInt(2));
                }
            }
            List<Assessment> result = new ArrayList<>(headers.size());
            headers.forEach((id, h) -> result.add(new Assessment(id, (Integer) h[0], (Integer) h[1],
                    h[2] == null ? null : LocalDate.parse((String) h[2]), (String) h[3],
                    answers.getOrDefault(id, Answers.NONE), offered.getOrDefault(id, Set.of()))));
            return result;
        });
    }
}
