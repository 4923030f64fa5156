package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.HR_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.HR_RELATION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * ESSP ↔ GST human-resources relations (ToR axis 1): for each HR function of a region, who holds it today and who
 * will under the GST, with the team's notes. One row per (region, function), written by an upsert.
 */
public final class HrRelationRepository {

    /** Holder codes of the schema, in the order the matrix offers them. */
    public static final List<String> HOLDERS = Vocabulary.HOLDER.codes();

    private final DSLContext dsl;
    private final EditContext edit;

    public HrRelationRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    public record HrFunction(String code, String labelFr, String labelEn, String labelAr, int sortOrder) {
    }

    /** One cell row of the matrix; {@code id}, holders and notes are null where nothing was entered yet. */
    public record MatrixRow(HrFunction function, Integer id, Integer version, String holderToday, String holderUnderGst,
                            String notes) {
    }

    public List<HrFunction> functions() {
        return dsl.selectFrom(HR_FUNCTION).orderBy(HR_FUNCTION.SORT_ORDER)
                .fetch(f -> new HrFunction(f.getCode(), f.getLabelFr(), f.getLabelEn(), f.getLabelAr(), f.getSortOrder()));
    }

    /** Every HR function with what was entered for the region (left join: unentered functions show empty). */
    public List<MatrixRow> matrix(int regionId) {
        return dsl.select(HR_FUNCTION.asterisk(), HR_RELATION.ID, HR_RELATION.VERSION, HR_RELATION.HOLDER_TODAY,
                        HR_RELATION.HOLDER_UNDER_GST, HR_RELATION.NOTES)
                .from(HR_FUNCTION).leftJoin(HR_RELATION).on(HR_RELATION.FUNCTION_CODE.eq(HR_FUNCTION.CODE))
                .and(HR_RELATION.REGION_ID.eq(regionId)).and(HR_RELATION.DELETED.isFalse())
                .orderBy(HR_FUNCTION.SORT_ORDER)
                .fetch(r -> new MatrixRow(new HrFunction(r.get(HR_FUNCTION.CODE), r.get(HR_FUNCTION.LABEL_FR),
                        r.get(HR_FUNCTION.LABEL_EN), r.get(HR_FUNCTION.LABEL_AR), r.get(HR_FUNCTION.SORT_ORDER)),
                        r.get(HR_RELATION.ID), r.get(HR_RELATION.VERSION), r.get(HR_RELATION.HOLDER_TODAY),
                        r.get(HR_RELATION.HOLDER_UNDER_GST), r.get(HR_RELATION.NOTES)));
    }

    /**
     * Inserts or updates (and undeletes) the relation of a region and function through the writer's upsert; the
     * row's id. {@code expectedVersion} is the version the matrix showed ({@link MatrixRow#version()}), null when it
     * showed nothing entered; a relation changed meanwhile throws {@link StaleEditException} and nothing is written.
     */
    public int upsert(int regionId, String functionCode, Integer expectedVersion, String holderToday, String holderUnderGst,
                      String notes) {
        Map<Field<?>, Object> key = new LinkedHashMap<>();
        key.put(HR_RELATION.REGION_ID, regionId);
        key.put(HR_RELATION.FUNCTION_CODE, functionCode);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(HR_RELATION.HOLDER_TODAY, holderToday);
        values.put(HR_RELATION.HOLDER_UNDER_GST, holderUnderGst);
        values.put(HR_RELATION.NOTES, notes);
        return SyncedRows.upsert(dsl, edit, HR_RELATION, key, expectedVersion, values).id();
    }
}
