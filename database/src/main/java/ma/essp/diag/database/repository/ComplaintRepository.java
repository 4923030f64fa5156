package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SYSTEM;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.jooq.tables.records.ComplaintSampleRecord;
import ma.essp.diag.database.jooq.tables.records.ComplaintSystemRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.rules.ComplaintSampleRules;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;

/**
 * The complaint axis of one mission: each ESSP's complaint-system checklist ({@code complaint_system}, one row per
 * ESSP) and its anonymous sampled complaints ({@code complaint_sample}). Every write goes through {@link SyncedRows}
 * (version check, stamp, audit); a sample breaking a rule of {@link ComplaintSampleRules} is refused with an
 * {@link EditRuleException} (rule {@code complaint.<field>.<code>}) and nothing is written, whoever calls.
 */
public final class ComplaintRepository {

    private final DSLContext dsl;
    private final EditContext edit;

    public ComplaintRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /** Who a complaint system belongs to (schema V23): an ESSP, a province's délégation or a region's GST. */
    public enum Holder { ESSP, DELEGATION, GST }

    /**
     * A live holder of a complaint system to choose from: an ESSP, or a délégation (id, code and names of its province)
     * or a GST (those of its region). Sampled complaints belong to ESSPs only.
     */
    public record EsspRef(int id, String code, String nameFr, String nameAr, Holder holder) {

        /** An ESSP. */
        public EsspRef(int id, String code, String nameFr, String nameAr) {
            this(id, code, nameFr, nameAr, Holder.ESSP);
        }
    }

    /** The checklist of one ESSP; {@code id}/{@code version} null when none is recorded yet. */
    public record SystemRow(Integer id, Integer version, boolean register, boolean box, boolean inPerson, boolean phone,
                            boolean chikayaPortal, boolean registerKept, boolean focalPerson, boolean procedureDisplayed,
                            boolean chikayaLinkDisplayed, String handledBy, boolean escalation, boolean analysedFedBack) {
    }

    /** A sampled complaint with its row identity. */
    public record SampleRow(int id, int version, ComplaintSampleRules.Values values, String notes) {
    }

    public List<EsspRef> essps() {
        return dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.NAME_AR).from(ESSP).where(ESSP.DELETED.isFalse())
                .orderBy(ESSP.CODE).fetch(r -> new EsspRef(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The live délégations (one per live province) and GSTs (one per live region), in code order: délégations first. */
    public List<EsspRef> levelHolders() {
        List<EsspRef> holders = new java.util.ArrayList<>(dsl.selectFrom(PROVINCE).where(PROVINCE.DELETED.isFalse()).orderBy(PROVINCE.CODE)
                .fetch(r -> new EsspRef(r.getId(), r.getCode(), r.getNameFr(), r.getNameAr(), Holder.DELEGATION)));
        holders.addAll(dsl.selectFrom(REGION).where(REGION.DELETED.isFalse()).orderBy(REGION.CODE)
                .fetch(r -> new EsspRef(r.getId(), r.getCode(), r.getNameFr(), r.getNameAr(), Holder.GST)));
        return holders;
    }

    public Optional<SystemRow> system(int esspId) {
        return system(Holder.ESSP, esspId);
    }

    /** The checklist of a holder: an ESSP's, a délégation's (the province's id) or a GST's (the region's id). */
    public Optional<SystemRow> system(EsspRef holder) {
        return system(holder.holder(), holder.id());
    }

    private static TableField<ComplaintSystemRecord, Integer> holderColumn(Holder holder) {
        return switch (holder) {
            case ESSP -> COMPLAINT_SYSTEM.ESSP_ID;
            case DELEGATION -> COMPLAINT_SYSTEM.PROVINCE_ID;
            case GST -> COMPLAINT_SYSTEM.REGION_ID;
        };
    }

    private Optional<SystemRow> system(Holder holder, int id) {
        return dsl.selectFrom(COMPLAINT_SYSTEM).where(holderColumn(holder).eq(id)).and(COMPLAINT_SYSTEM.DELETED.isFalse())
                .fetchOptional(r -> new SystemRow(r.getId(), r.getVersion(), b(r.getChannelRegister()), b(r.getChannelBox()),
                        b(r.getChannelInPerson()), b(r.getChannelPhone()), b(r.getChannelChikayaPortal()), b(r.getRegisterKept()),
                        b(r.getFocalPerson()), b(r.getProcedureDisplayed()), b(r.getChikayaLinkDisplayed()), r.getHandledBy(),
                        b(r.getEscalation()), b(r.getAnalysedFedBack())));
    }

    /** Records the checklist of an ESSP (inserted, or updated from the version the editor read); returns the version. */
    public int saveSystem(int esspId, SystemRow s) {
        return saveSystem(Holder.ESSP, esspId, s);
    }

    /** As {@link #saveSystem(int, SystemRow)} for any holder: an ESSP, a délégation or a GST. */
    public int saveSystem(EsspRef holder, SystemRow s) {
        return saveSystem(holder.holder(), holder.id(), s);
    }

    private int saveSystem(Holder holder, int id, SystemRow s) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COMPLAINT_SYSTEM.CHANNEL_REGISTER, s.register());
        values.put(COMPLAINT_SYSTEM.CHANNEL_BOX, s.box());
        values.put(COMPLAINT_SYSTEM.CHANNEL_IN_PERSON, s.inPerson());
        values.put(COMPLAINT_SYSTEM.CHANNEL_PHONE, s.phone());
        values.put(COMPLAINT_SYSTEM.CHANNEL_CHIKAYA_PORTAL, s.chikayaPortal());
        values.put(COMPLAINT_SYSTEM.REGISTER_KEPT, s.registerKept());
        values.put(COMPLAINT_SYSTEM.FOCAL_PERSON, s.focalPerson());
        values.put(COMPLAINT_SYSTEM.PROCEDURE_DISPLAYED, s.procedureDisplayed());
        values.put(COMPLAINT_SYSTEM.CHIKAYA_LINK_DISPLAYED, s.chikayaLinkDisplayed());
        values.put(COMPLAINT_SYSTEM.HANDLED_BY, s.handledBy() == null || s.handledBy().isBlank() ? null : s.handledBy().strip());
        values.put(COMPLAINT_SYSTEM.ESCALATION, s.escalation());
        values.put(COMPLAINT_SYSTEM.ANALYSED_FED_BACK, s.analysedFedBack());
        return SyncedRows.upsert(dsl, edit, COMPLAINT_SYSTEM, Map.of(holderColumn(holder), id), s.version(), values).version();
    }

    /** The live samples of an ESSP, by reception date. */
    public List<SampleRow> samples(int esspId) {
        return dsl.selectFrom(COMPLAINT_SAMPLE).where(COMPLAINT_SAMPLE.ESSP_ID.eq(esspId)).and(COMPLAINT_SAMPLE.DELETED.isFalse())
                .orderBy(COMPLAINT_SAMPLE.RECEIVED_ON, COMPLAINT_SAMPLE.ID)
                .fetch(r -> new SampleRow(r.getId(), r.getVersion(), new ComplaintSampleRules.Values(r.getReceivedOn(),
                        r.getChannel(), r.getKind(), r.getCategory(), r.getAcknowledgedOn(), r.getClosedOn(), r.getOutcome()),
                        r.getNotes()));
    }

    /**
     * Saves a sample: a new one ({@code id} null) or a change of the one read at {@code version}. Refused with an
     * {@link EditRuleException} when a rule is broken (nothing written). Returns the row's id.
     */
    public int saveSample(int esspId, Integer id, Integer version, ComplaintSampleRules.Values v, String notes) {
        return saveSample(esspId, id, version, v, notes, null);
    }

    /**
     * As {@link #saveSample(int, Integer, Integer, ComplaintSampleRules.Values, String)}; a new sample takes the uuid
     * {@code uuid} (null: a new one): a field template's row prepared for a new sample carries its uuid, so that
     * importing the same workbook twice creates it once.
     */
    public int saveSample(int esspId, Integer id, Integer version, ComplaintSampleRules.Values v, String notes, String uuid) {
        Map<ComplaintSampleRules.Field, ComplaintSampleRules.Code> problems = ComplaintSampleRules.check(v, today());
        if (!problems.isEmpty()) {
            var first = problems.entrySet().iterator().next();
            throw new EditRuleException("complaint." + first.getKey().name().toLowerCase(java.util.Locale.ROOT) + "."
                    + first.getValue().name().toLowerCase(java.util.Locale.ROOT), "complaint sample refused: " + problems);
        }
        String note = notes == null || notes.isBlank() ? null : notes.strip();
        if (id == null) {
            ComplaintSampleRecord r = dsl.newRecord(COMPLAINT_SAMPLE);
            r.setEsspId(esspId);
            r.setReceivedOn(v.receivedOn());
            r.setChannel(v.channel());
            r.setKind(v.kind());
            r.setCategory(v.category());
            r.setAcknowledgedOn(v.acknowledgedOn());
            r.setClosedOn(v.closedOn());
            r.setOutcome(v.outcome());
            r.setNotes(note);
            if (uuid != null) {
                r.setUuid(uuid);
            }
            return SyncedRows.insert(dsl, edit, r);
        }
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COMPLAINT_SAMPLE.RECEIVED_ON, v.receivedOn());
        values.put(COMPLAINT_SAMPLE.CHANNEL, v.channel());
        values.put(COMPLAINT_SAMPLE.KIND, v.kind());
        values.put(COMPLAINT_SAMPLE.CATEGORY, v.category());
        values.put(COMPLAINT_SAMPLE.ACKNOWLEDGED_ON, v.acknowledgedOn());
        values.put(COMPLAINT_SAMPLE.CLOSED_ON, v.closedOn());
        values.put(COMPLAINT_SAMPLE.OUTCOME, v.outcome());
        values.put(COMPLAINT_SAMPLE.NOTES, note);
        SyncedRows.update(dsl, edit, COMPLAINT_SAMPLE, id, version, values);
        return id;
    }

    /** Soft-deletes the sample read at {@code version}; returns the version it now has. */
    public int deleteSample(int id, int version) {
        return SyncedRows.softDelete(dsl, edit, COMPLAINT_SAMPLE, id, version);
    }

    /** Brings back a deleted sample still at {@code version} (an undo); returns the version it now has. */
    public int restoreSample(int id, int version) {
        return SyncedRows.restore(dsl, edit, COMPLAINT_SAMPLE, id, version);
    }

    /** The day of the edit's clock here: no date of a sample may be after it. */
    public LocalDate today() {
        return LocalDate.ofInstant(Instant.parse(edit.now()), ZoneId.systemDefault());
    }

    private static boolean b(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
