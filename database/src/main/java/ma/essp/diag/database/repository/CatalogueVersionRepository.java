package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PMS_CATALOGUE_VERSION;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_AREA;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_REQUIREMENT;
import static ma.essp.diag.database.jooq.Tables.SARA_DOMAIN;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.PmsCatalogueVersionRecord;
import ma.essp.diag.database.jooq.tables.records.PmsItemRecord;
import ma.essp.diag.database.jooq.tables.records.PmsServiceAreaRecord;
import ma.essp.diag.database.jooq.tables.records.PmsServiceRecord;
import ma.essp.diag.database.jooq.tables.records.PmsServiceRequirementRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Versions of the PMS catalogue: a version is drafted (a copy of another, or imported), compared with another,
 * then published. A published version is never changed again, so the indices of the assessments made with it
 * never move; assessments record the version they used.
 */
public final class CatalogueVersionRepository {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    /** {@code version}: the row version read, what publishing starts from. */
    public record VersionInfo(int id, int version, String label, String status, Integer basedOnId, LocalDate publishedOn, String notes) {
        public boolean published() {
            return PUBLISHED.equals(status);
        }
    }

    private final DSLContext dsl;
    private final EditContext edit;

    public CatalogueVersionRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /**
     * The version a new assessment records: the newest published one. While none is published, the newest version
     * that assessments already use (never a fresh draft the team is still editing, which the new assessment would
     * freeze), else the first version.
     */
    public int versionForNewAssessment() {
        Integer published = dsl.select(org.jooq.impl.DSL.max(PMS_CATALOGUE_VERSION.ID)).from(PMS_CATALOGUE_VERSION)
                .where(PMS_CATALOGUE_VERSION.STATUS.eq(PUBLISHED), PMS_CATALOGUE_VERSION.DELETED.isFalse()).fetchOne().value1();
        if (published != null) {
            return published;
        }
        Integer used = dsl.select(org.jooq.impl.DSL.max(ASSESSMENT.CATALOGUE_VERSION_ID)).from(ASSESSMENT)
                .join(PMS_CATALOGUE_VERSION).on(PMS_CATALOGUE_VERSION.ID.eq(ASSESSMENT.CATALOGUE_VERSION_ID))
                .where(ASSESSMENT.DELETED.isFalse(), PMS_CATALOGUE_VERSION.DELETED.isFalse()).fetchOne().value1();
        if (used != null) {
            return used;
        }
        Integer first = dsl.select(org.jooq.impl.DSL.min(PMS_CATALOGUE_VERSION.ID)).from(PMS_CATALOGUE_VERSION)
                .where(PMS_CATALOGUE_VERSION.DELETED.isFalse()).fetchOne().value1();
        if (first == null) {
            throw new IllegalStateException("the mission has no PMS catalogue version");
        }
        return first;
    }

    public List<VersionInfo> versions() {
        return dsl.selectFrom(PMS_CATALOGUE_VERSION).where(PMS_CATALOGUE_VERSION.DELETED.isFalse())
                .orderBy(PMS_CATALOGUE_VERSION.ID).fetch(CatalogueVersionRepository::info);
    }

    public VersionInfo version(int id) {
        PmsCatalogueVersionRecord r = dsl.selectFrom(PMS_CATALOGUE_VERSION)
                .where(PMS_CATALOGUE_VERSION.ID.eq(id), PMS_CATALOGUE_VERSION.DELETED.isFalse()).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no catalogue version " + id);
        }
        return info(r);
    }

    /** The content of a version, by codes, in display order. */
    public CatalogueSnapshot snapshot(int versionId) {
        version(versionId);
        Map<Integer, String> areaCodes = new HashMap<>();
        List<CatalogueSnapshot.Area> areas = dsl.selectFrom(PMS_SERVICE_AREA)
                .where(PMS_SERVICE_AREA.VERSION_ID.eq(versionId), PMS_SERVICE_AREA.DELETED.isFalse())
                .orderBy(PMS_SERVICE_AREA.SORT_ORDER, PMS_SERVICE_AREA.CODE).fetch(r -> {
                    areaCodes.put(r.getId(), r.getCode());
                    return new CatalogueSnapshot.Area(r.getCode(), r.getLabelFr(), r.getLabelEn(), r.getLabelAr(), r.getSortOrder());
                });
        Map<Integer, String> serviceCodes = new HashMap<>();
        List<CatalogueSnapshot.Service> services = dsl.selectFrom(PMS_SERVICE)
                .where(PMS_SERVICE.VERSION_ID.eq(versionId), PMS_SERVICE.DELETED.isFalse())
                .orderBy(PMS_SERVICE.SORT_ORDER, PMS_SERVICE.CODE).fetch(r -> {
                    serviceCodes.put(r.getId(), r.getCode());
                    return new CatalogueSnapshot.Service(r.getCode(), areaCodes.get(r.getAreaId()), r.getLabelFr(), r.getLabelEn(),
                            r.getLabelAr(), r.getSortOrder());
                });
        List<CatalogueSnapshot.Item> items = dsl.selectFrom(PMS_ITEM)
                .where(PMS_ITEM.VERSION_ID.eq(versionId), PMS_ITEM.DELETED.isFalse())
                .orderBy(PMS_ITEM.SORT_ORDER, PMS_ITEM.CODE)
                .fetch(r -> new CatalogueSnapshot.Item(r.getCode(), r.getServiceId() == null ? null : serviceCodes.get(r.getServiceId()),
                        r.getDomainCode(), r.getLabelFr(), r.getLabelEn(), r.getLabelAr(), Boolean.TRUE.equals(r.getInScope()),
                        r.getNote(), r.getSortOrder()));
        List<CatalogueSnapshot.Requirement> requirements = dsl.select(PMS_SERVICE.CODE, PMS_SERVICE_REQUIREMENT.CATEGORY_CODE,
                        PMS_SERVICE_REQUIREMENT.REQUIREMENT)
                .from(PMS_SERVICE_REQUIREMENT).join(PMS_SERVICE).on(PMS_SERVICE.ID.eq(PMS_SERVICE_REQUIREMENT.SERVICE_ID))
                .where(PMS_SERVICE.VERSION_ID.eq(versionId), PMS_SERVICE.DELETED.isFalse(), PMS_SERVICE_REQUIREMENT.DELETED.isFalse())
                .orderBy(PMS_SERVICE.SORT_ORDER, PMS_SERVICE.CODE, PMS_SERVICE_REQUIREMENT.CATEGORY_CODE)
                .fetch(r -> new CatalogueSnapshot.Requirement(r.value1(), r.value2(), r.value3()));
        return new CatalogueSnapshot(areas, services, items, requirements);
    }

    /** A new draft, a copy of {@code sourceVersionId} (usually the published one); returns its id. */
    public int draftFrom(int sourceVersionId, String label) {
        return createDraft(snapshot(sourceVersionId), label, sourceVersionId, null);
    }

    /**
     * Writes a snapshot as a new draft version in one transaction; returns its id. The snapshot must be
     * consistent (services' areas and items' services present): callers validate first, as the Excel import does.
     */
    public int createDraft(CatalogueSnapshot snapshot, String label, Integer basedOnId, String notes) {
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PmsCatalogueVersionRecord v = d.newRecord(PMS_CATALOGUE_VERSION);
            v.setLabel(label);
            v.setStatus(DRAFT);
            v.setBasedOnId(basedOnId);
            v.setNotes(notes);
            SyncedRows.insert(d, edit, v);
            int versionId = v.getId();
            Map<String, Integer> areaIds = new LinkedHashMap<>();
            for (CatalogueSnapshot.Area a : snapshot.areas()) {
                PmsServiceAreaRecord r = d.newRecord(PMS_SERVICE_AREA);
                r.setVersionId(versionId);
                r.setCode(a.code());
                r.setLabelFr(a.labelFr());
                r.setLabelEn(a.labelEn());
                r.setLabelAr(a.labelAr());
                r.setSortOrder(a.sortOrder());
                SyncedRows.insert(d, edit, r);
                areaIds.put(a.code(), r.getId());
            }
            Map<String, Integer> serviceIds = new LinkedHashMap<>();
            for (CatalogueSnapshot.Service s : snapshot.services()) {
                PmsServiceRecord r = d.newRecord(PMS_SERVICE);
                r.setVersionId(versionId);
                r.setAreaId(required(areaIds, s.areaCode(), "area of service " + s.code()));
                r.setCode(s.code());
                r.setLabelFr(s.labelFr());
                r.setLabelEn(s.labelEn());
                r.setLabelAr(s.labelAr());
                r.setSortOrder(s.sortOrder());
                SyncedRows.insert(d, edit, r);
                serviceIds.put(s.code(), r.getId());
            }
            for (CatalogueSnapshot.Item i : snapshot.items()) {
                PmsItemRecord r = d.newRecord(PMS_ITEM);
                r.setVersionId(versionId);
                r.setServiceId(i.serviceCode() == null ? null : required(serviceIds, i.serviceCode(), "service of item " + i.code()));
                r.setDomainCode(i.domainCode());
                r.setCode(i.code());
                r.setLabelFr(i.labelFr());
                r.setLabelEn(i.labelEn());
                r.setLabelAr(i.labelAr());
                r.setInScope(i.inScope());
                r.setNote(i.note());
                r.setSortOrder(i.sortOrder());
                SyncedRows.insert(d, edit, r);
            }
            for (CatalogueSnapshot.Requirement q : snapshot.requirements()) {
                PmsServiceRequirementRecord r = d.newRecord(PMS_SERVICE_REQUIREMENT);
                r.setServiceId(required(serviceIds, q.serviceCode(), "service of requirement " + q.serviceCode()));
                r.setCategoryCode(q.categoryCode());
                r.setRequirement(q.requirement());
                SyncedRows.insert(d, edit, r);
            }
            return versionId;
        });
    }

    private static int required(Map<String, Integer> ids, String code, String what) {
        Integer id = ids.get(code);
        if (id == null) {
            throw new IllegalArgumentException("unknown " + what + ": " + code);
        }
        return id;
    }

    /**
     * Publishes a draft still at {@code expectedVersion} (the version the screen listed, {@link VersionInfo#version()});
     * changed meanwhile: {@link StaleEditException}, nothing written. A published version is frozen from then on.
     */
    public void publish(int versionId, int expectedVersion, LocalDate on) {
        PmsCatalogueVersionRecord r = dsl.selectFrom(PMS_CATALOGUE_VERSION).where(PMS_CATALOGUE_VERSION.ID.eq(versionId)).fetchOne();
        if (r == null || Boolean.TRUE.equals(r.getDeleted())) {
            throw new IllegalArgumentException("no catalogue version " + versionId);
        }
        if (r.getVersion() != expectedVersion) {
            throw new StaleEditException(PMS_CATALOGUE_VERSION.getName(), versionId, expectedVersion, r.getVersion());
        }
        if (!DRAFT.equals(r.getStatus())) {
            throw new IllegalStateException("catalogue version " + versionId + " is already published");
        }
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(PMS_CATALOGUE_VERSION.STATUS, PUBLISHED);
        changes.put(PMS_CATALOGUE_VERSION.PUBLISHED_ON, on);
        SyncedRows.update(dsl, edit, PMS_CATALOGUE_VERSION, versionId, expectedVersion, changes);
    }

    /** Compares two versions by code (what {@code to} adds, removes and changes relative to {@code from}). */
    public CatalogueDiff compare(int fromVersionId, int toVersionId) {
        return CatalogueDiff.between(snapshot(fromVersionId), snapshot(toVersionId));
    }

    /** Item ids of a version by item code. */
    public Map<String, Integer> itemIds(int versionId) {
        return dsl.select(PMS_ITEM.CODE, PMS_ITEM.ID).from(PMS_ITEM)
                .where(PMS_ITEM.VERSION_ID.eq(versionId), PMS_ITEM.DELETED.isFalse()).fetchMap(PMS_ITEM.CODE, PMS_ITEM.ID);
    }

    /** Service ids of a version by service code. */
    public Map<String, Integer> serviceIds(int versionId) {
        return dsl.select(PMS_SERVICE.CODE, PMS_SERVICE.ID).from(PMS_SERVICE)
                .where(PMS_SERVICE.VERSION_ID.eq(versionId), PMS_SERVICE.DELETED.isFalse()).fetchMap(PMS_SERVICE.CODE, PMS_SERVICE.ID);
    }

    /** SARA domain code to scope (general or service), in display order. */
    public Map<String, String> domainScopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        dsl.selectFrom(SARA_DOMAIN).orderBy(SARA_DOMAIN.SORT_ORDER).forEach(d -> scopes.put(d.getCode(), d.getScope()));
        return scopes;
    }

    /** The current ESSP categories a requirement can name (legacy names excluded), in display order. */
    public List<String> requirementCategories() {
        return dsl.select(ESSP_CATEGORY.CODE).from(ESSP_CATEGORY).where(ESSP_CATEGORY.LEGACY.isFalse())
                .orderBy(ESSP_CATEGORY.SORT_ORDER).fetch(ESSP_CATEGORY.CODE);
    }

    private static VersionInfo info(PmsCatalogueVersionRecord r) {
        return new VersionInfo(r.getId(), r.getVersion(), r.getLabel(), r.getStatus(), r.getBasedOnId(), r.getPublishedOn(), r.getNotes());
    }
}
