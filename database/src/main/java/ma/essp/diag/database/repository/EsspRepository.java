package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;

import java.util.List;
import org.jooq.DSLContext;

/** The ESSP registry as read-only rows, one query with its joins (no N+1 at national scale). */
public final class EsspRepository {

    private final DSLContext dsl;

    public EsspRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A category of establishment with its labels in the three languages. */
    public record Category(String code, String labelFr, String labelEn, String labelAr, int sortOrder) {
    }

    /**
     * One line of the ESSP list. {@code milieu} is {@code rural|urban}, {@code functionality} is
     * {@code fully|partially|not_functioning}: codes, translated by the UI. {@code version} is the row's version when
     * the list was read: what a delete or bulk edit of a selection starts from.
     */
    public record EsspListRow(int id, String code, String nameFr, String nameAr, Category category, String milieu,
                              int circonscriptionId, String circonscriptionFr, String circonscriptionAr,
                              int provinceId, String provinceFr, String provinceAr,
                              int regionId, String regionCode, String regionFr, String regionAr,
                              String functionality, Long populationServed, int version) {
    }

    /** Every ESSP that is not soft-deleted, ordered by code. */
    public List<EsspListRow> list() {
        return list(false);
    }

    /** The soft-deleted ESSPs ({@code deleted} true) or the live ones, ordered by code. */
    public List<EsspListRow> list(boolean deleted) {
        return dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.NAME_AR,
                        ESSP_CATEGORY.CODE, ESSP_CATEGORY.LABEL_FR, ESSP_CATEGORY.LABEL_EN, ESSP_CATEGORY.LABEL_AR,
                        ESSP_CATEGORY.SORT_ORDER, ESSP.MILIEU,
                        CIRCONSCRIPTION.ID, CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.NAME_AR,
                        PROVINCE.ID, PROVINCE.NAME_FR, PROVINCE.NAME_AR,
                        REGION.ID, REGION.CODE, REGION.NAME_FR, REGION.NAME_AR,
                        ESSP.FUNCTIONALITY, ESSP.POPULATION_SERVED, ESSP.VERSION)
                .from(ESSP)
                .join(ESSP_CATEGORY).on(ESSP_CATEGORY.CODE.eq(ESSP.CATEGORY_CODE))
                .join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(ESSP.DELETED.eq(deleted))
                .orderBy(ESSP.CODE)
                .fetch(r -> new EsspListRow(r.get(ESSP.ID), r.get(ESSP.CODE), r.get(ESSP.NAME_FR), r.get(ESSP.NAME_AR),
                        new Category(r.get(ESSP_CATEGORY.CODE), r.get(ESSP_CATEGORY.LABEL_FR), r.get(ESSP_CATEGORY.LABEL_EN),
                                r.get(ESSP_CATEGORY.LABEL_AR), r.get(ESSP_CATEGORY.SORT_ORDER)),
                        r.get(ESSP.MILIEU),
                        r.get(CIRCONSCRIPTION.ID), r.get(CIRCONSCRIPTION.NAME_FR), r.get(CIRCONSCRIPTION.NAME_AR),
                        r.get(PROVINCE.ID), r.get(PROVINCE.NAME_FR), r.get(PROVINCE.NAME_AR),
                        r.get(REGION.ID), r.get(REGION.CODE), r.get(REGION.NAME_FR), r.get(REGION.NAME_AR),
                        r.get(ESSP.FUNCTIONALITY),
                        r.get(ESSP.POPULATION_SERVED) == null ? null : r.get(ESSP.POPULATION_SERVED).longValue(),
                        r.get(ESSP.VERSION)));
    }

    /** All categories, in their reference order (for filters that should offer every category). */
    public List<Category> categories() {
        return dsl.selectFrom(ESSP_CATEGORY).orderBy(ESSP_CATEGORY.SORT_ORDER)
                .fetch(r -> new Category(r.getCode(), r.getLabelFr(), r.getLabelEn(), r.getLabelAr(), r.getSortOrder()));
    }
}
