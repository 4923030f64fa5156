package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PMS_CATALOGUE_VERSION;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_AREA;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_REQUIREMENT;
import static ma.essp.diag.database.jooq.Tables.SARA_DOMAIN;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.jooq.tables.records.PmsCatalogueVersionRecord;
import ma.essp.diag.database.jooq.tables.records.PmsItemRecord;
import ma.essp.diag.database.jooq.tables.records.PmsServiceAreaRecord;
import ma.essp.diag.database.jooq.tables.records.PmsServiceRecord;
import ma.essp.diag.database.jooq.tables.records.PmsServiceRequirementRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.CatalogueContent.Labels;
import ma.essp.diag.database.repository.CatalogueEditException.Reason;
import org.jooq.DSLContext;
import org.jooq.UpdatableRecord;

/**
 * Row-by-row edits of a draft catalogue version: service areas, services, tracer items and the requirement of
 * each service per ESSP category. Every edit runs in one transaction, checks first that the version is still a
 * draft (a published version is frozen: assessments were computed with it) that no live assessment uses yet (an
 * assessment is scored with the version it records, so editing that version would change its indices), increments
 * the row's version and
 * stamps who and when, as the merge of several laptops expects. Deletes are soft; deleting an area or a service
 * also deletes what hangs below it, so a version never holds items whose service is gone.
 *
 * <p>Codes are unique among a version's live rows. The schema's UNIQUE (version_id, code) also covers deleted
 * rows, so adding a code that a deleted row of the same version holds brings that row back (same uuid) with the
 * new content, rather than failing.
 */
public final class CatalogueEditRepository {

    public static final Set<String> REQUIREMENTS = Set.of("required", "optional", "not_expected");

    /** What the user edits on a tracer item. */
    public record ItemFields(String code, String domainCode, Labels labels, boolean inScope, String note) {
    }

    private final DSLContext dsl;
    private final EditContext edit;

    /** A row a deletion soft-deleted: its table, its id and the version the deletion (or its undo) left it at. */
    public record DeletedRow(String table, int id, int version) {
    }

    /** What one deletion soft-deleted (an area with its services, items and requirements...), in one catalogue version. */
    public record Deletion(int catalogueVersionId, List<DeletedRow> rows) {
    }

    public CatalogueEditRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /** The live content of a version with ids, in display order. */
    public CatalogueContent content(int versionId) {
        version(dsl, versionId);
        List<CatalogueContent.Area> areas = dsl.selectFrom(PMS_SERVICE_AREA)
                .where(PMS_SERVICE_AREA.VERSION_ID.eq(versionId), PMS_SERVICE_AREA.DELETED.isFalse())
                .orderBy(PMS_SERVICE_AREA.SORT_ORDER, PMS_SERVICE_AREA.CODE)
                .fetch(r -> new CatalogueContent.Area(r.getId(), r.getVersion(), r.getCode(), new Labels(r.getLabelFr(), r.getLabelEn(), r.getLabelAr())));
        List<CatalogueContent.Service> services = dsl.selectFrom(PMS_SERVICE)
                .where(PMS_SERVICE.VERSION_ID.eq(versionId), PMS_SERVICE.DELETED.isFalse())
                .orderBy(PMS_SERVICE.SORT_ORDER, PMS_SERVICE.CODE)
                .fetch(r -> new CatalogueContent.Service(r.getId(), r.getVersion(), r.getAreaId(), r.getCode(),
                        new Labels(r.getLabelFr(), r.getLabelEn(), r.getLabelAr())));
        List<CatalogueContent.Item> items = dsl.selectFrom(PMS_ITEM)
                .where(PMS_ITEM.VERSION_ID.eq(versionId), PMS_ITEM.DELETED.isFalse())
                .orderBy(PMS_ITEM.SORT_ORDER, PMS_ITEM.CODE)
                .fetch(r -> new CatalogueContent.Item(r.getId(), r.getVersion(), r.getServiceId(), r.getDomainCode(), r.getCode(),
                        new Labels(r.getLabelFr(), r.getLabelEn(), r.getLabelAr()), Boolean.TRUE.equals(r.getInScope()), r.getNote()));
        Map<Integer, Map<String, String>> requirements = new HashMap<>();
        Map<Integer, Map<String, Integer>> requirementVersions = new HashMap<>();
        dsl.select(PMS_SERVICE_REQUIREMENT.SERVICE_ID, PMS_SERVICE_REQUIREMENT.CATEGORY_CODE, PMS_SERVICE_REQUIREMENT.REQUIREMENT,
                        PMS_SERVICE_REQUIREMENT.VERSION)
                .from(PMS_SERVICE_REQUIREMENT).join(PMS_SERVICE).on(PMS_SERVICE.ID.eq(PMS_SERVICE_REQUIREMENT.SERVICE_ID))
                .where(PMS_SERVICE.VERSION_ID.eq(versionId), PMS_SERVICE.DELETED.isFalse(), PMS_SERVICE_REQUIREMENT.DELETED.isFalse())
                .orderBy(PMS_SERVICE_REQUIREMENT.CATEGORY_CODE)
                .forEach(r -> {
                    requirements.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), r.value3());
                    requirementVersions.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), r.value4());
                });
        return new CatalogueContent(versionId, areas, services, items, requirements, requirementVersions);
    }

    // --- service areas

    public int addArea(int versionId, String code, Labels labels) {
        String c = code(code);
        requireLabel(labels);
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            draft(d, versionId);
            PmsServiceAreaRecord r = d.selectFrom(PMS_SERVICE_AREA)
                    .where(PMS_SERVICE_AREA.VERSION_ID.eq(versionId), PMS_SERVICE_AREA.CODE.eq(c)).fetchOne();
            if (r != null && !Boolean.TRUE.equals(r.getDeleted())) {
                throw duplicate("service area", c);
            }
            Integer max = d.select(org.jooq.impl.DSL.max(PMS_SERVICE_AREA.SORT_ORDER)).from(PMS_SERVICE_AREA)
                    .where(PMS_SERVICE_AREA.VERSION_ID.eq(versionId)).fetchOne().value1();
            if (r == null) {
                r = d.newRecord(PMS_SERVICE_AREA);
                r.setVersionId(versionId);
                r.setCode(c);
            } else {
                r.setDeleted(false);
            }
            setLabels(r, labels);
            r.setSortOrder(max == null ? 1 : max + 1);
            SyncedRows.store(d, edit, r);
            return r.getId();
        });
    }

    /** Renames an area still at {@code expectedVersion} (the version the editor showed); the version now. */
    public int renameArea(int areaId, int expectedVersion, Labels labels) {
        requireLabel(labels);
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PmsServiceAreaRecord r = expect(liveArea(d, areaId), expectedVersion);
            draft(d, r.getVersionId());
            setLabels(r, labels);
            SyncedRows.store(d, edit, r);
            return r.getVersion();
        });
    }

    /** Soft-deletes an area still at {@code expectedVersion} with its services, their items and requirements. */
    public Deletion deleteArea(int areaId, int expectedVersion) {
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PmsServiceAreaRecord r = expect(liveArea(d, areaId), expectedVersion);
            draft(d, r.getVersionId());
            List<DeletedRow> rows = new ArrayList<>();
            for (PmsServiceRecord s : d.selectFrom(PMS_SERVICE).where(PMS_SERVICE.AREA_ID.eq(areaId), PMS_SERVICE.DELETED.isFalse()).fetch()) {
                deleteService(d, s, rows);
            }
            softDelete(d, r, rows);
            return new Deletion(r.getVersionId(), List.copyOf(rows));
        });
    }

    // --- services

    public int addService(int areaId, String code, Labels labels) {
        String c = code(code);
        requireLabel(labels);
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PmsServiceAreaRecord area = liveArea(d, areaId);
            int versionId = area.getVersionId();
            draft(d, versionId);
            PmsServiceRecord r = d.selectFrom(PMS_SERVICE).where(PMS_SERVICE.VERSION_ID.eq(versionId), PMS_SERVICE.CODE.eq(c)).fetchOne();
            if (r != null && !Boolean.TRUE.equals(r.getDeleted())) {
                throw duplicate("service", c);
            }
            Integer max = d.select(org.jooq.impl.DSL.max(PMS_SERVICE.SORT_ORDER)).from(PMS_SERVICE)
                    .where(PMS_SERVICE.VERSION_ID.eq(versionId)).fetchOne().value1();
            if (r == null) {
                r = d.newRecord(PMS_SERVICE);
                r.setVersionId(versionId);
                r.setCode(c);
            } else {
                r.setDeleted(false);
            }
            r.setAreaId(areaId);
            setLabels(r, labels);
            r.setSortOrder(max == null ? 1 : max + 1);
            SyncedRows.store(d, edit, r);
            return r.getId();
        });
    }

    /**
     * Edits a service still at {@code expectedVersion} (the version the editor showed): its labels and its area
     * (another area of the same version), in one change. The version now.
     */
    public int editService(int serviceId, int expectedVersion, Labels labels, int areaId) {
        requireLabel(labels);
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PmsServiceRecord r = expect(liveService(d, serviceId), expectedVersion);
            draft(d, r.getVersionId());
            PmsServiceAreaRecord area = liveArea(d, areaId);
            if (!area.getVersionId().equals(r.getVersionId())) {
                throw new CatalogueEditException(Reason.OTHER_VERSION, "area " + areaId + " is not in the version of service " + serviceId);
            }
            setLabels(r, labels);
            r.setAreaId(areaId);
            SyncedRows.store(d, edit, r);
            return r.getVersion();
        });
    }

    /** Soft-deletes a service still at {@code expectedVersion} with its items and requirements. */
    public Deletion deleteService(int serviceId, int expectedVersion) {
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PmsServiceRecord r = expect(liveService(d, serviceId), expectedVersion);
            draft(d, r.getVersionId());
            List<DeletedRow> rows = new ArrayList<>();
            deleteService(d, r, rows);
            return new Deletion(r.getVersionId(), List.copyOf(rows));
        });
    }

    private void deleteService(DSLContext d, PmsServiceRecord s, List<DeletedRow> rows) {
        for (PmsItemRecord i : d.selectFrom(PMS_ITEM).where(PMS_ITEM.SERVICE_ID.eq(s.getId()), PMS_ITEM.DELETED.isFalse()).fetch()) {
            softDelete(d, i, rows);
        }
        for (PmsServiceRequirementRecord q : d.selectFrom(PMS_SERVICE_REQUIREMENT)
                .where(PMS_SERVICE_REQUIREMENT.SERVICE_ID.eq(s.getId()), PMS_SERVICE_REQUIREMENT.DELETED.isFalse()).fetch()) {
            softDelete(d, q, rows);
        }
        softDelete(d, s, rows);
    }

    /**
     * Sets what a category must do about a service (required, optional or not_expected); a category without a
     * row gets one. {@code expectedVersion} is the version of the requirement the editor showed
     * ({@link CatalogueContent#requirementVersion}), null when it showed none; changed meanwhile:
     * {@link StaleEditException}, nothing written.
     */
    public void setRequirement(int serviceId, String categoryCode, Integer expectedVersion, String requirement) {
        if (!REQUIREMENTS.contains(requirement)) {
            throw new CatalogueEditException(Reason.INVALID_REQUIREMENT, "requirement must be required, optional or not_expected: " + requirement);
        }
        dsl.transaction(tx -> {
            DSLContext d = tx.dsl();
            PmsServiceRecord s = liveService(d, serviceId);
            draft(d, s.getVersionId());
            if (!d.fetchExists(ESSP_CATEGORY, ESSP_CATEGORY.CODE.eq(categoryCode))) {
                throw new CatalogueEditException(Reason.INVALID_REQUIREMENT, "unknown ESSP category " + categoryCode);
            }
            Map<org.jooq.Field<?>, Object> key = new LinkedHashMap<>();
            key.put(PMS_SERVICE_REQUIREMENT.SERVICE_ID, serviceId);
            key.put(PMS_SERVICE_REQUIREMENT.CATEGORY_CODE, categoryCode);
            SyncedRows.upsert(d, edit, PMS_SERVICE_REQUIREMENT, key, expectedVersion,
                    Map.of(PMS_SERVICE_REQUIREMENT.REQUIREMENT, requirement));
        });
    }

    // --- tracer items

    /** Adds a tracer item to a service, or with {@code serviceId} null a general readiness item. */
    public int addItem(int versionId, Integer serviceId, ItemFields fields) {
        String c = code(fields.code());
        requireLabel(fields.labels());
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            draft(d, versionId);
            if (serviceId != null && !liveService(d, serviceId).getVersionId().equals(versionId)) {
                throw new CatalogueEditException(Reason.OTHER_VERSION, "service " + serviceId + " is not in version " + versionId);
            }
            checkDomain(d, serviceId, fields.domainCode());
            PmsItemRecord r = d.selectFrom(PMS_ITEM).where(PMS_ITEM.VERSION_ID.eq(versionId), PMS_ITEM.CODE.eq(c)).fetchOne();
            if (r != null && !Boolean.TRUE.equals(r.getDeleted())) {
                throw duplicate("item", c);
            }
            Integer max = d.select(org.jooq.impl.DSL.max(PMS_ITEM.SORT_ORDER)).from(PMS_ITEM)
                    .where(PMS_ITEM.VERSION_ID.eq(versionId)).fetchOne().value1();
            if (r == null) {
                r = d.newRecord(PMS_ITEM);
                r.setVersionId(versionId);
                r.setCode(c);
            } else {
                r.setDeleted(false);
            }
            r.setServiceId(serviceId);
            setItem(r, fields);
            r.setSortOrder(max == null ? 1 : max + 1);
            SyncedRows.store(d, edit, r);
            return r.getId();
        });
    }

    /** Edits an item still at {@code expectedVersion}: code, domain (of the same scope), labels, scope flag and note;
     * its version now. */
    public int editItem(int itemId, int expectedVersion, ItemFields fields) {
        String c = code(fields.code());
        requireLabel(fields.labels());
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PmsItemRecord r = d.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(itemId), PMS_ITEM.DELETED.isFalse()).fetchOne();
            if (r == null) {
                throw new CatalogueEditException(Reason.NOT_FOUND, "no item " + itemId);
            }
            expect(r, expectedVersion);
            draft(d, r.getVersionId());
            checkDomain(d, r.getServiceId(), fields.domainCode());
            if (!c.equals(r.getCode()) && d.fetchExists(PMS_ITEM, PMS_ITEM.VERSION_ID.eq(r.getVersionId()), PMS_ITEM.CODE.eq(c))) {
                throw duplicate("item", c);
            }
            r.setCode(c);
            setItem(r, fields);
            if (r.changed()) {
                SyncedRows.store(d, edit, r);
            }
            return r.getVersion();
        });
    }

    /** Soft-deletes an item still at {@code expectedVersion}. */
    public Deletion deleteItem(int itemId, int expectedVersion) {
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PmsItemRecord r = d.selectFrom(PMS_ITEM).where(PMS_ITEM.ID.eq(itemId), PMS_ITEM.DELETED.isFalse()).fetchOne();
            if (r == null) {
                throw new CatalogueEditException(Reason.NOT_FOUND, "no item " + itemId);
            }
            expect(r, expectedVersion);
            draft(d, r.getVersionId());
            List<DeletedRow> rows = new ArrayList<>();
            softDelete(d, r, rows);
            return new Deletion(r.getVersionId(), List.copyOf(rows));
        });
    }

    /**
     * Brings back the rows of a {@code deletion} (an undo), or soft-deletes them again ({@code delete}, a redo), all
     * or none: each row must still be at the version given (else {@link StaleEditException}) and the catalogue
     * version still a draft nobody assesses with. Returns the same rows at the versions they now have.
     */
    public Deletion undoDeletion(Deletion deletion, boolean delete) {
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            draft(d, deletion.catalogueVersionId());
            List<DeletedRow> rows = new ArrayList<>();
            for (DeletedRow row : deletion.rows()) {
                org.jooq.Table<?> table = switch (row.table()) {
                    case "pms_service_area" -> PMS_SERVICE_AREA;
                    case "pms_service" -> PMS_SERVICE;
                    case "pms_item" -> PMS_ITEM;
                    case "pms_service_requirement" -> PMS_SERVICE_REQUIREMENT;
                    default -> throw new IllegalArgumentException(row.table());
                };
                int version = delete ? SyncedRows.softDelete(d, edit, table, row.id(), row.version())
                        : SyncedRows.restore(d, edit, table, row.id(), row.version());
                rows.add(new DeletedRow(row.table(), row.id(), version));
            }
            return new Deletion(deletion.catalogueVersionId(), List.copyOf(rows));
        });
    }

    // --- helpers

    private static void setItem(PmsItemRecord r, ItemFields f) {
        r.setDomainCode(f.domainCode());
        r.setLabelFr(f.labels().fr().strip());
        r.setLabelEn(blankToNull(f.labels().en()));
        r.setLabelAr(blankToNull(f.labels().ar()));
        r.setInScope(f.inScope());
        r.setNote(blankToNull(f.note()));
    }

    private static void setLabels(UpdatableRecord<?> r, Labels labels) {
        r.set(r.field("label_fr", String.class), labels.fr().strip());
        r.set(r.field("label_en", String.class), blankToNull(labels.en()));
        r.set(r.field("label_ar", String.class), blankToNull(labels.ar()));
    }

    /** General items need a domain of scope 'general', service items one of scope 'service'. */
    private static void checkDomain(DSLContext d, Integer serviceId, String domainCode) {
        String scope = domainCode == null ? null
                : d.select(SARA_DOMAIN.SCOPE).from(SARA_DOMAIN).where(SARA_DOMAIN.CODE.eq(domainCode)).fetchOne(SARA_DOMAIN.SCOPE);
        String expected = serviceId == null ? "general" : "service";
        if (!expected.equals(scope)) {
            throw new CatalogueEditException(Reason.DOMAIN_SCOPE, (serviceId == null ? "a general readiness item" : "a service item")
                    + " needs a SARA domain of scope '" + expected + "', not " + domainCode);
        }
    }

    /**
     * The row read in this transaction, if it is still at the version the editor started from; else
     * {@link StaleEditException} (the writer checks the same version again when it writes).
     */
    private static <R extends UpdatableRecord<?>> R expect(R r, int expectedVersion) {
        Integer found = r.get(r.field("version", Integer.class));
        if (found != expectedVersion) {
            throw new StaleEditException(r.getTable().getName(), r.get(r.field("id", Integer.class)), expectedVersion, found);
        }
        return r;
    }

    private void softDelete(DSLContext d, UpdatableRecord<?> r, List<DeletedRow> rows) {
        r.set(r.field("deleted", Boolean.class), true);
        SyncedRows.store(d, edit, r);
        rows.add(new DeletedRow(r.getTable().getName(), r.get(r.field("id", Integer.class)), r.get(r.field("version", Integer.class))));
    }

    private static PmsCatalogueVersionRecord version(DSLContext d, int versionId) {
        PmsCatalogueVersionRecord v = d.selectFrom(PMS_CATALOGUE_VERSION)
                .where(PMS_CATALOGUE_VERSION.ID.eq(versionId), PMS_CATALOGUE_VERSION.DELETED.isFalse()).fetchOne();
        if (v == null) {
            throw new CatalogueEditException(Reason.NOT_FOUND, "no catalogue version " + versionId);
        }
        return v;
    }

    private static void draft(DSLContext d, int versionId) {
        if (!CatalogueVersionRepository.DRAFT.equals(version(d, versionId).getStatus())) {
            throw new CatalogueEditException(Reason.PUBLISHED, "catalogue version " + versionId + " is published and cannot change");
        }
        int used = assessmentsUsing(d, versionId);
        if (used > 0) {
            throw new CatalogueEditException(Reason.IN_USE, "catalogue version " + versionId + " is the version of " + used
                    + " assessment(s) and cannot change");
        }
    }

    /** How many live assessments record this catalogue version (and would change if it did). */
    public int assessmentsUsing(int versionId) {
        return assessmentsUsing(dsl, versionId);
    }

    private static int assessmentsUsing(DSLContext d, int versionId) {
        return d.fetchCount(ASSESSMENT, ASSESSMENT.CATALOGUE_VERSION_ID.eq(versionId).and(ASSESSMENT.DELETED.isFalse()));
    }

    private static PmsServiceAreaRecord liveArea(DSLContext d, int areaId) {
        PmsServiceAreaRecord r = d.selectFrom(PMS_SERVICE_AREA).where(PMS_SERVICE_AREA.ID.eq(areaId), PMS_SERVICE_AREA.DELETED.isFalse()).fetchOne();
        if (r == null) {
            throw new CatalogueEditException(Reason.NOT_FOUND, "no service area " + areaId);
        }
        return r;
    }

    private static PmsServiceRecord liveService(DSLContext d, int serviceId) {
        PmsServiceRecord r = d.selectFrom(PMS_SERVICE).where(PMS_SERVICE.ID.eq(serviceId), PMS_SERVICE.DELETED.isFalse()).fetchOne();
        if (r == null) {
            throw new CatalogueEditException(Reason.NOT_FOUND, "no service " + serviceId);
        }
        return r;
    }

    private static CatalogueEditException duplicate(String what, String code) {
        return new CatalogueEditException(Reason.DUPLICATE_CODE, "another " + what + " of this version has the code " + code);
    }

    private static String code(String code) {
        if (code == null || code.isBlank()) {
            throw new CatalogueEditException(Reason.BLANK, "a code is required");
        }
        return code.strip();
    }

    private static void requireLabel(Labels labels) {
        if (labels == null || labels.fr() == null || labels.fr().isBlank()) {
            throw new CatalogueEditException(Reason.BLANK, "a French label is required");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
