package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.jooq.tables.records.StructureRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The administrative structures above the ESSPs: délégation per province, DRS and SRES per region, and the GST
 * that law 08-22 creates per region and that takes the region over from the DRS on its takeover date. Answers
 * "who runs this region on this date" and the whole chain of an ESSP.
 */
public final class StructureRepository {

    private final DSLContext dsl;
    private final EditContext edit;

    public StructureRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /** Who runs a region's establishments at a date. */
    public enum Authority { DRS, GST }

    /** {@code kind} is the schema's code: drs, sres, delegation, gst, circonscription_office, central, hospital, other. */
    public record Structure(int id, int version, String kind, Integer regionId, Integer provinceId, Integer circonscriptionId,
                            String nameFr, String nameAr, String seat, String headName, String legalAct,
                            LocalDate createdOn, LocalDate takeoverOn, String notes) {
    }

    /** The GST of a region as entered: when created, when it takes over, its seat and what it covers. */
    public record GstDraft(int regionId, String nameFr, String nameAr, String seat, String legalAct, LocalDate createdOn,
                           LocalDate takeoverOn, String coverage) {
    }

    public record RegionAuthority(int regionId, String regionCode, String regionFr, String regionAr, Authority authority,
                                  LocalDate gstTakeoverOn) {
    }

    /** ESSP → circonscription → délégation → DRS/SRES → GST, with the GST takeover date for its region. */
    public record TerritoryChain(int esspId, int circonscriptionId, String circonscriptionFr, String circonscriptionAr,
                                 int provinceId, String provinceCode, String provinceFr, String provinceAr,
                                 int regionId, String regionCode, String regionFr, String regionAr,
                                 Optional<Structure> delegation, Optional<Structure> drs, Optional<Structure> sres,
                                 Optional<Structure> gst, Authority authorityToday) {
    }

    public List<Structure> ofRegion(int regionId) {
        return dsl.selectFrom(STRUCTURE).where(STRUCTURE.REGION_ID.eq(regionId)).and(STRUCTURE.DELETED.isFalse())
                .orderBy(STRUCTURE.KIND, STRUCTURE.NAME_FR).fetch(StructureRepository::structure);
    }

    public Optional<Structure> gst(int regionId) {
        return dsl.selectFrom(STRUCTURE).where(live("gst")).and(STRUCTURE.REGION_ID.eq(regionId))
                .fetchOptional().map(StructureRepository::structure);
    }

    /**
     * Creates the region's GST or updates the one it has (one per region); returns its id. {@code expectedVersion} is
     * the version of the GST the screen showed ({@link Structure#version()}), null when it showed none: a GST created,
     * changed or removed meanwhile throws {@link StaleEditException} and nothing is written.
     */
    public int saveGst(Integer expectedVersion, GstDraft d) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Optional<StructureRecord> existing = t.selectFrom(STRUCTURE).where(live("gst")).and(STRUCTURE.REGION_ID.eq(d.regionId()))
                    .fetchOptional();
            if (d.takeoverOn() != null && d.createdOn() != null && d.takeoverOn().isBefore(d.createdOn())) {
                throw new EditRuleException("gst.takeover-before-creation", "a GST cannot take over before it is created");
            }
            if (expectedVersion != null && existing.isEmpty()) {
                throw new StaleEditException(STRUCTURE.getName(), 0, expectedVersion, null);
            }
            if (expectedVersion == null && existing.isPresent()) {
                throw new StaleEditException(STRUCTURE.getName(), existing.get().getId(), 0, existing.get().getVersion());
            }
            if (existing.isPresent()) {
                Map<Field<?>, Object> changes = new LinkedHashMap<>();
                changes.put(STRUCTURE.NAME_FR, d.nameFr());
                changes.put(STRUCTURE.NAME_AR, d.nameAr());
                changes.put(STRUCTURE.SEAT, d.seat());
                changes.put(STRUCTURE.LEGAL_ACT, d.legalAct());
                changes.put(STRUCTURE.CREATED_ON, d.createdOn());
                changes.put(STRUCTURE.TAKEOVER_ON, d.takeoverOn());
                changes.put(STRUCTURE.NOTES, d.coverage());
                SyncedRows.update(t, edit, STRUCTURE, existing.get().getId(), expectedVersion, changes);
                return existing.get().getId();
            }
            StructureRecord r = t.newRecord(STRUCTURE);
            r.setKind("gst");
            r.setRegionId(d.regionId());
            r.setNameFr(d.nameFr());
            r.setNameAr(d.nameAr());
            r.setSeat(d.seat());
            r.setLegalAct(d.legalAct());
            r.setCreatedOn(d.createdOn());
            r.setTakeoverOn(d.takeoverOn());
            r.setNotes(d.coverage());
            return SyncedRows.insert(t, edit, r);
        });
    }

    /** Creates a structure (délégation, DRS, SRES, circonscription office...); returns its id. */
    public int create(Structure s) {
        StructureRecord r = dsl.newRecord(STRUCTURE);
        r.setKind(s.kind());
        r.setRegionId(s.regionId());
        r.setProvinceId(s.provinceId());
        r.setCirconscriptionId(s.circonscriptionId());
        r.setNameFr(s.nameFr());
        r.setNameAr(s.nameAr());
        r.setSeat(s.seat());
        r.setHeadName(s.headName());
        r.setLegalAct(s.legalAct());
        r.setCreatedOn(s.createdOn());
        r.setTakeoverOn(s.takeoverOn());
        r.setNotes(s.notes());
        return SyncedRows.insert(dsl, edit, r);
    }

    /** The office of a circonscription (the structure its own staff positions belong to), when recorded. */
    public Optional<Structure> circonscriptionOffice(int circonscriptionId) {
        return dsl.selectFrom(STRUCTURE).where(live("circonscription_office"))
                .and(STRUCTURE.CIRCONSCRIPTION_ID.eq(circonscriptionId))
                .orderBy(STRUCTURE.ID).limit(1).fetchOptional().map(StructureRepository::structure);
    }

    /**
     * The id of a circonscription's office, created on first use (named after the circonscription, in the region
     * and province of the circonscription) so that staff can be entered for any circonscription.
     */
    public int circonscriptionOfficeId(int circonscriptionId) {
        return dsl.transactionResult(tx -> {
            StructureRepository inTx = new StructureRepository(tx.dsl(), edit);
            Optional<Structure> existing = inTx.circonscriptionOffice(circonscriptionId);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            var c = tx.dsl().select(CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.NAME_AR, CIRCONSCRIPTION.SEAT, PROVINCE.ID,
                            PROVINCE.REGION_ID)
                    .from(CIRCONSCRIPTION).join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                    .where(CIRCONSCRIPTION.ID.eq(circonscriptionId)).fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no circonscription " + circonscriptionId));
            return inTx.create(new Structure(0, 0, "circonscription_office", c.value5(), c.value4(), circonscriptionId,
                    c.value1(), c.value2(), c.value3(), null, null, null, null, null));
        });
    }

    /** Under its GST from the takeover date on (inclusive), under its DRS before or when no takeover date is set. */
    public Authority authorityAt(int regionId, LocalDate date) {
        return gst(regionId).map(g -> authority(g.takeoverOn(), date)).orElse(Authority.DRS);
    }

    /** Every region with who runs it at {@code date}, in region-code order. */
    public List<RegionAuthority> authoritiesAt(LocalDate date) {
        Map<Integer, LocalDate> takeovers = new LinkedHashMap<>();
        dsl.select(STRUCTURE.REGION_ID, STRUCTURE.TAKEOVER_ON).from(STRUCTURE).where(live("gst"))
                .forEach(r -> takeovers.put(r.value1(), r.value2()));
        return dsl.selectFrom(REGION).where(REGION.DELETED.isFalse()).orderBy(REGION.CODE)
                .fetch(r -> new RegionAuthority(r.getId(), r.getCode(), r.getNameFr(), r.getNameAr(),
                        authority(takeovers.get(r.getId()), date), takeovers.get(r.getId())));
    }

    public Optional<TerritoryChain> chainOfEssp(int esspId, LocalDate today) {
        var row = dsl.select(ESSP.ID, CIRCONSCRIPTION.ID, CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.NAME_AR,
                        PROVINCE.ID, PROVINCE.CODE, PROVINCE.NAME_FR, PROVINCE.NAME_AR, PROVINCE.PARENT_PROVINCE_ID,
                        REGION.ID, REGION.CODE, REGION.NAME_FR, REGION.NAME_AR)
                .from(ESSP).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(ESSP.ID.eq(esspId)).fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var r = row.get();
        int provinceId = r.get(PROVINCE.ID);
        int regionId = r.get(REGION.ID);
        Optional<Structure> delegation = firstOf("delegation", STRUCTURE.PROVINCE_ID.eq(provinceId));
        if (delegation.isEmpty() && r.get(PROVINCE.PARENT_PROVINCE_ID) != null) {
            // a préfecture d'arrondissements may be served by the délégation of its parent prefecture
            delegation = firstOf("delegation", STRUCTURE.PROVINCE_ID.eq(r.get(PROVINCE.PARENT_PROVINCE_ID)));
        }
        Optional<Structure> gst = gst(regionId);
        return Optional.of(new TerritoryChain(esspId, r.get(CIRCONSCRIPTION.ID), r.get(CIRCONSCRIPTION.NAME_FR),
                r.get(CIRCONSCRIPTION.NAME_AR), provinceId, r.get(PROVINCE.CODE), r.get(PROVINCE.NAME_FR), r.get(PROVINCE.NAME_AR),
                regionId, r.get(REGION.CODE), r.get(REGION.NAME_FR), r.get(REGION.NAME_AR), delegation,
                firstOf("drs", STRUCTURE.REGION_ID.eq(regionId)), firstOf("sres", STRUCTURE.REGION_ID.eq(regionId)), gst,
                authority(gst.map(Structure::takeoverOn).orElse(null), today)));
    }

    private Optional<Structure> firstOf(String kind, org.jooq.Condition where) {
        return dsl.selectFrom(STRUCTURE).where(live(kind)).and(where).orderBy(STRUCTURE.ID).limit(1).fetchOptional()
                .map(StructureRepository::structure);
    }

    private static Authority authority(LocalDate takeoverOn, LocalDate date) {
        return takeoverOn != null && !date.isBefore(takeoverOn) ? Authority.GST : Authority.DRS;
    }

    private static org.jooq.Condition live(String kind) {
        return STRUCTURE.KIND.eq(kind).and(STRUCTURE.DELETED.isFalse());
    }

    private static Structure structure(StructureRecord r) {
        return new Structure(r.getId(), r.getVersion(), r.getKind(), r.getRegionId(), r.getProvinceId(), r.getCirconscriptionId(),
                r.getNameFr(), r.getNameAr(), r.getSeat(), r.getHeadName(), r.getLegalAct(), r.getCreatedOn(), r.getTakeoverOn(),
                r.getNotes());
    }
}
