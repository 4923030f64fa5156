package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CADRE;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.STAFF_TRAINING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Staff positions of an ESSP or of a structure (circonscription office, délégation, SRES...): exactly one of the
 * two is set. A vacant post is a position with status {@code vacant}, so vacancies are counted, not guessed.
 */
public final class StaffRepository {

    private final DSLContext dsl;
    private final EditContext edit;

    public StaffRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /**
     * {@code employer} ministry|gst|commune|other; {@code status} filled|vacant|contract|on_leave|seconded;
     * {@code gender} f|m or null; {@code fte} between 0 and 1.
     */
    public record PositionDraft(Integer esspId, Integer structureId, String cadreCode, String employer, String status,
                                double fte, String gender, String holderName, String jobTitle, String notes) {
        public PositionDraft {
            if ((esspId == null) == (structureId == null)) {
                throw new IllegalArgumentException("a position belongs to an ESSP or to a structure, not both or neither");
            }
        }
    }

    public record StoredPosition(int id, int version, boolean deleted, PositionDraft values, int trainings) {
    }

    public record Cadre(String code, String labelFr, String labelEn, String labelAr, boolean coreHealthWorker, int sortOrder) {
    }

    public record Training(int id, int version, int positionId, String title, String topic, Integer year, Double hours) {
    }

    public List<Cadre> cadres() {
        return dsl.selectFrom(CADRE).orderBy(CADRE.SORT_ORDER).fetch(c -> new Cadre(c.getCode(), c.getLabelFr(), c.getLabelEn(),
                c.getLabelAr(), Boolean.TRUE.equals(c.getCoreHealthWorker()), c.getSortOrder()));
    }

    public int create(PositionDraft d) {
        return create(d, null);
    }

    /**
     * A new position with the uuid {@code uuid} (null: a new one): a field template's row prepared for a new position
     * carries its uuid, so that importing the same workbook twice creates it once.
     */
    public int create(PositionDraft d, String uuid) {
        StaffPositionRecord r = dsl.newRecord(STAFF_POSITION);
        apply(r, d);
        if (uuid != null) {
            r.setUuid(uuid);
        }
        return SyncedRows.insert(dsl, edit, r);
    }

    /** Inserts many positions (a block pasted from Excel) in one transaction: all or nothing; their ids in order. */
    public List<Integer> createAll(List<PositionDraft> drafts) {
        return dsl.transactionResult(tx -> {
            List<Integer> ids = new ArrayList<>();
            DSLContext t = tx.dsl();
            for (PositionDraft d : drafts) {
                StaffPositionRecord r = t.newRecord(STAFF_POSITION);
                apply(r, d);
                ids.add(SyncedRows.insert(t, edit, r));
            }
            return ids;
        });
    }

    public int update(int id, int expectedVersion, PositionDraft d) {
        StaffPositionRecord r = dsl.newRecord(STAFF_POSITION);
        apply(r, d);
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        for (Field<?> f : List.of(STAFF_POSITION.ESSP_ID, STAFF_POSITION.STRUCTURE_ID, STAFF_POSITION.CADRE_CODE,
                STAFF_POSITION.EMPLOYER, STAFF_POSITION.STATUS, STAFF_POSITION.FTE, STAFF_POSITION.GENDER,
                STAFF_POSITION.HOLDER_NAME, STAFF_POSITION.JOB_TITLE, STAFF_POSITION.NOTES)) {
            changes.put(f, r.get(f));
        }
        return SyncedRows.update(dsl, edit, STAFF_POSITION, id, expectedVersion, changes);
    }

    public int softDelete(int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, STAFF_POSITION, id, expectedVersion);
    }

    public int restore(int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, STAFF_POSITION, id, expectedVersion);
    }

    public List<StoredPosition> ofEssp(int esspId) {
        return list(STAFF_POSITION.ESSP_ID.eq(esspId));
    }

    public List<StoredPosition> ofStructure(int structureId) {
        return list(STAFF_POSITION.STRUCTURE_ID.eq(structureId));
    }

    public int addTraining(int positionId, String title, String topic, Integer year, Double hours) {
        var r = dsl.newRecord(STAFF_TRAINING);
        r.setStaffPositionId(positionId);
        r.setTitle(title);
        r.setTopic(topic);
        r.setYear(year);
        r.setHours(hours);
        return SyncedRows.insert(dsl, edit, r);
    }

    public List<Training> trainings(int positionId) {
        return dsl.selectFrom(STAFF_TRAINING).where(STAFF_TRAINING.STAFF_POSITION_ID.eq(positionId))
                .and(STAFF_TRAINING.DELETED.isFalse()).orderBy(STAFF_TRAINING.YEAR, STAFF_TRAINING.ID)
                .fetch(t -> new Training(t.getId(), t.getVersion(), t.getStaffPositionId(), t.getTitle(), t.getTopic(),
                        t.getYear(), t.getHours()));
    }

    public int deleteTraining(int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, STAFF_TRAINING, id, expectedVersion);
    }

    /** Brings back a training deleted at {@code expectedVersion} (undoing the deletion); the version now. */
    public int restoreTraining(int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, STAFF_TRAINING, id, expectedVersion);
    }

    private List<StoredPosition> list(org.jooq.Condition owner) {
        var trainings = org.jooq.impl.DSL.selectCount().from(STAFF_TRAINING)
                .where(STAFF_TRAINING.STAFF_POSITION_ID.eq(STAFF_POSITION.ID)).and(STAFF_TRAINING.DELETED.isFalse())
                .asField("trainings");
        return dsl.select(STAFF_POSITION.asterisk(), trainings).from(STAFF_POSITION).join(CADRE).on(CADRE.CODE.eq(STAFF_POSITION.CADRE_CODE))
                .where(owner).and(STAFF_POSITION.DELETED.isFalse())
                .orderBy(CADRE.SORT_ORDER, STAFF_POSITION.ID)
                .fetch(r -> {
                    StaffPositionRecord p = r.into(STAFF_POSITION);
                    return new StoredPosition(p.getId(), p.getVersion(), Boolean.TRUE.equals(p.getDeleted()),
                            new PositionDraft(p.getEsspId(), p.getStructureId(), p.getCadreCode(), p.getEmployer(), p.getStatus(),
                                    p.getFte() == null ? 1 : p.getFte(), p.getGender(), p.getHolderName(), p.getJobTitle(), p.getNotes()),
                            r.get(trainings, Integer.class));
                });
    }

    private static void apply(StaffPositionRecord r, PositionDraft d) {
        r.setEsspId(d.esspId());
        r.setStructureId(d.structureId());
        r.setCadreCode(d.cadreCode());
        r.setEmployer(d.employer() == null ? "ministry" : d.employer());
        r.setStatus(d.status() == null ? "filled" : d.status());
        r.setFte(d.fte());
        r.setGender(d.gender());
        r.setHolderName(d.holderName());
        r.setJobTitle(d.jobTitle());
        r.setNotes(d.notes());
    }
}
