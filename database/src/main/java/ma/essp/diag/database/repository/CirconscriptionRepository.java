package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.COMMUNE;
import static ma.essp.diag.database.jooq.Tables.ESSP;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.jooq.tables.records.CirconscriptionRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Editing the circonscriptions sanitaires of a province: create, rename, head and seat, moving communes and ESSPs
 * between them. The rule of décret 2-14-562 that a province has two or more circonscriptions is kept here: the
 * last two of a province cannot be deleted.
 */
public final class CirconscriptionRepository {

    public static final int MINIMUM_PER_PROVINCE = 2;

    private final DSLContext dsl;
    private final EditContext edit;

    public CirconscriptionRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /** Editable fields; {@code milieu} is rural|urban, {@code coverage} the caïdat/communes or arrondissement. */
    public record CirconscriptionDraft(int provinceId, String code, String nameFr, String nameAr, String milieu,
                                       String coverage, String seat, String headName, Integer population, String notes) {
    }

    public record StoredCirconscription(int id, int version, boolean deleted, CirconscriptionDraft values,
                                        int esspCount, int communeCount) {
    }

    public record Commune(int id, int version, int provinceId, Integer circonscriptionId, String nameFr, String nameAr,
                          String kind, Integer population) {
    }

    public int create(CirconscriptionDraft d) {
        CirconscriptionRecord r = dsl.newRecord(CIRCONSCRIPTION);
        r.setProvinceId(d.provinceId());
        r.setCode(d.code().trim());
        r.setNameFr(d.nameFr().trim());
        r.setNameAr(d.nameAr());
        r.setMilieu(d.milieu());
        r.setCoverage(d.coverage());
        r.setSeat(d.seat());
        r.setHeadName(d.headName());
        r.setPopulation(d.population());
        r.setNotes(d.notes());
        return SyncedRows.insert(dsl, edit, r);
    }

    /** Live circonscriptions of a province with their ESSP and commune counts, by name. */
    public List<StoredCirconscription> ofProvince(int provinceId) {
        var essps = DSL.selectCount().from(ESSP).where(ESSP.CIRCONSCRIPTION_ID.eq(CIRCONSCRIPTION.ID)).and(ESSP.DELETED.isFalse())
                .asField("essps");
        var communes = DSL.selectCount().from(COMMUNE).where(COMMUNE.CIRCONSCRIPTION_ID.eq(CIRCONSCRIPTION.ID))
                .and(COMMUNE.DELETED.isFalse()).asField("communes");
        return dsl.select(CIRCONSCRIPTION.asterisk(), essps, communes).from(CIRCONSCRIPTION)
                .where(CIRCONSCRIPTION.PROVINCE_ID.eq(provinceId)).and(CIRCONSCRIPTION.DELETED.isFalse())
                .orderBy(CIRCONSCRIPTION.NAME_FR)
                .fetch(r -> stored(r.into(CIRCONSCRIPTION), r.get(essps, Integer.class), r.get(communes, Integer.class)));
    }

    public Optional<StoredCirconscription> find(int id) {
        return dsl.selectFrom(CIRCONSCRIPTION).where(CIRCONSCRIPTION.ID.eq(id)).fetchOptional().map(r -> stored(r,
                dsl.fetchCount(ESSP, ESSP.CIRCONSCRIPTION_ID.eq(id).and(ESSP.DELETED.isFalse())),
                dsl.fetchCount(COMMUNE, COMMUNE.CIRCONSCRIPTION_ID.eq(id).and(COMMUNE.DELETED.isFalse()))));
    }

    /** Writes every field but the province (a circonscription does not change province). */
    public int update(int id, int expectedVersion, CirconscriptionDraft d) {
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(CIRCONSCRIPTION.CODE, d.code().trim());
        changes.put(CIRCONSCRIPTION.NAME_FR, d.nameFr().trim());
        changes.put(CIRCONSCRIPTION.NAME_AR, d.nameAr());
        changes.put(CIRCONSCRIPTION.MILIEU, d.milieu());
        changes.put(CIRCONSCRIPTION.COVERAGE, d.coverage());
        changes.put(CIRCONSCRIPTION.SEAT, d.seat());
        changes.put(CIRCONSCRIPTION.HEAD_NAME, d.headName());
        changes.put(CIRCONSCRIPTION.POPULATION, d.population());
        changes.put(CIRCONSCRIPTION.NOTES, d.notes());
        return SyncedRows.update(dsl, edit, CIRCONSCRIPTION, id, expectedVersion, changes);
    }

    public int rename(int id, int expectedVersion, String nameFr, String nameAr) {
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(CIRCONSCRIPTION.NAME_FR, nameFr.trim());
        changes.put(CIRCONSCRIPTION.NAME_AR, nameAr);
        return SyncedRows.update(dsl, edit, CIRCONSCRIPTION, id, expectedVersion, changes);
    }

    public int setHead(int id, int expectedVersion, String headName) {
        return SyncedRows.update(dsl, edit, CIRCONSCRIPTION, id, expectedVersion, Map.of(CIRCONSCRIPTION.HEAD_NAME, headName));
    }

    public int setSeat(int id, int expectedVersion, String seat) {
        return SyncedRows.update(dsl, edit, CIRCONSCRIPTION, id, expectedVersion, Map.of(CIRCONSCRIPTION.SEAT, seat));
    }

    /**
     * Soft-deletes a circonscription that has no live ESSP, provided its province keeps at least two.
     *
     * @throws EditRuleException {@code circonscription.minimum-per-province} or {@code circonscription.has-essps}
     */
    public int softDelete(int id, int expectedVersion) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int provinceId = t.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.ID.eq(id))
                    .fetchOptional(CIRCONSCRIPTION.PROVINCE_ID).orElseThrow(() -> new StaleEditException("circonscription", id, expectedVersion));
            int live = t.fetchCount(CIRCONSCRIPTION, CIRCONSCRIPTION.PROVINCE_ID.eq(provinceId).and(CIRCONSCRIPTION.DELETED.isFalse()));
            if (live <= MINIMUM_PER_PROVINCE) {
                throw new EditRuleException("circonscription.minimum-per-province",
                        "a province keeps at least " + MINIMUM_PER_PROVINCE + " circonscriptions");
            }
            if (t.fetchExists(ESSP, ESSP.CIRCONSCRIPTION_ID.eq(id).and(ESSP.DELETED.isFalse()))) {
                throw new EditRuleException("circonscription.has-essps", "move its ESSPs to another circonscription first");
            }
            // its communes lose the link as a consequence of the deletion (rows not picked by the user): their versions here
            List<Integer> communes = t.select(COMMUNE.ID).from(COMMUNE).where(COMMUNE.CIRCONSCRIPTION_ID.eq(id)).fetch(COMMUNE.ID);
            Map<Field<?>, Object> noCirconscription = new LinkedHashMap<>();
            noCirconscription.put(COMMUNE.CIRCONSCRIPTION_ID, null);
            SyncedRows.updateAll(t, edit, COMMUNE, SyncedRows.currentVersions(t, COMMUNE, communes), noCirconscription);
            return SyncedRows.softDelete(t, edit, CIRCONSCRIPTION, id, expectedVersion);
        });
    }

    public int restore(int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, CIRCONSCRIPTION, id, expectedVersion);
    }

    /** Live circonscriptions of a province. */
    public int countInProvince(int provinceId) {
        return dsl.fetchCount(CIRCONSCRIPTION, CIRCONSCRIPTION.PROVINCE_ID.eq(provinceId).and(CIRCONSCRIPTION.DELETED.isFalse()));
    }

    /** Provinces (ids) that have at least one live circonscription but fewer than two. */
    public List<Integer> provincesBelowMinimum() {
        return dsl.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.DELETED.isFalse())
                .groupBy(CIRCONSCRIPTION.PROVINCE_ID).having(DSL.count().lt(MINIMUM_PER_PROVINCE))
                .fetch(CIRCONSCRIPTION.PROVINCE_ID);
    }

    /**
     * Moves communes to another circonscription of the same province; their ESSPs follow them. {@code communeVersions}
     * maps each moved commune to the version the screen listed: one changed meanwhile throws
     * {@link StaleEditException} naming it and nothing moves. The ESSPs that follow are chosen inside the transaction
     * (the consequence of the move, not rows the user picked), at their versions there.
     *
     * @throws EditRuleException {@code circonscription.other-province} when a commune is in another province
     */
    public int moveCommunes(Map<Integer, Integer> communeVersions, int targetCirconscriptionId) {
        Collection<Integer> communeIds = communeVersions.keySet();
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int provinceId = provinceOf(t, targetCirconscriptionId);
            if (t.fetchExists(COMMUNE, COMMUNE.ID.in(communeIds).and(COMMUNE.PROVINCE_ID.ne(provinceId)))) {
                throw new EditRuleException("circonscription.other-province", "communes move only inside their province");
            }
            int moved = SyncedRows.updateAll(t, edit, COMMUNE, communeVersions,
                    Map.of(COMMUNE.CIRCONSCRIPTION_ID, targetCirconscriptionId)).size();
            List<Integer> essps = t.select(ESSP.ID).from(ESSP).where(ESSP.COMMUNE_ID.in(communeIds))
                    .and(ESSP.CIRCONSCRIPTION_ID.ne(targetCirconscriptionId)).fetch(ESSP.ID);
            SyncedRows.updateAll(t, edit, ESSP, SyncedRows.currentVersions(t, ESSP, essps),
                    Map.of(ESSP.CIRCONSCRIPTION_ID, targetCirconscriptionId));
            return moved;
        });
    }

    /**
     * Moves ESSPs to another circonscription of the same province. An ESSP whose commune belongs to another
     * circonscription loses its commune link (the consultant sets it again), so the data stays consistent.
     * {@code esspVersions} maps each ESSP to the version the screen listed: one changed meanwhile throws
     * {@link StaleEditException} naming it and nothing moves.
     *
     * @throws EditRuleException {@code circonscription.other-province} when an ESSP is in another province
     */
    public int moveEssps(Map<Integer, Integer> esspVersions, int targetCirconscriptionId) {
        Collection<Integer> esspIds = esspVersions.keySet();
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int provinceId = provinceOf(t, targetCirconscriptionId);
            var fromOtherProvince = t.fetchExists(DSL.selectOne().from(ESSP).join(CIRCONSCRIPTION)
                    .on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                    .where(ESSP.ID.in(esspIds)).and(CIRCONSCRIPTION.PROVINCE_ID.ne(provinceId)));
            if (fromOtherProvince) {
                throw new EditRuleException("circonscription.other-province", "ESSPs move only inside their province");
            }
            List<Integer> losingCommune = t.select(ESSP.ID).from(ESSP).join(COMMUNE).on(COMMUNE.ID.eq(ESSP.COMMUNE_ID))
                    .where(ESSP.ID.in(esspIds)).and(COMMUNE.CIRCONSCRIPTION_ID.isNotNull())
                    .and(COMMUNE.CIRCONSCRIPTION_ID.ne(targetCirconscriptionId)).fetch(ESSP.ID);
            Map<Field<?>, Object> withoutCommune = new LinkedHashMap<>();
            withoutCommune.put(ESSP.CIRCONSCRIPTION_ID, targetCirconscriptionId);
            withoutCommune.put(ESSP.COMMUNE_ID, null);
            // one bulk edit, each row its values: every row is checked before any is written
            List<SyncedRows.Change> changes = new java.util.ArrayList<>();
            esspVersions.forEach((id, version) -> changes.add(new SyncedRows.Change(id, version, losingCommune.contains(id)
                    ? withoutCommune : Map.of(ESSP.CIRCONSCRIPTION_ID, targetCirconscriptionId))));
            return SyncedRows.updateAll(t, edit, ESSP, changes).size();
        });
    }

    public List<Commune> communesOfProvince(int provinceId) {
        return dsl.selectFrom(COMMUNE).where(COMMUNE.PROVINCE_ID.eq(provinceId)).and(COMMUNE.DELETED.isFalse())
                .orderBy(COMMUNE.NAME_FR)
                .fetch(c -> new Commune(c.getId(), c.getVersion(), c.getProvinceId(), c.getCirconscriptionId(), c.getNameFr(),
                        c.getNameAr(), c.getKind(), c.getPopulation()));
    }

    public int createCommune(int provinceId, Integer circonscriptionId, String nameFr, String nameAr, String kind, Integer population) {
        var r = dsl.newRecord(COMMUNE);
        r.setProvinceId(provinceId);
        r.setCirconscriptionId(circonscriptionId);
        r.setNameFr(nameFr);
        r.setNameAr(nameAr);
        r.setKind(kind);
        r.setPopulation(population);
        return SyncedRows.insert(dsl, edit, r);
    }

    private static int provinceOf(DSLContext t, int circonscriptionId) {
        return t.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION)
                .where(CIRCONSCRIPTION.ID.eq(circonscriptionId)).and(CIRCONSCRIPTION.DELETED.isFalse())
                .fetchOptional(CIRCONSCRIPTION.PROVINCE_ID)
                .orElseThrow(() -> new EditRuleException("circonscription.unknown", "no live circonscription #" + circonscriptionId));
    }

    private static StoredCirconscription stored(CirconscriptionRecord r, int essps, int communes) {
        return new StoredCirconscription(r.getId(), r.getVersion(), Boolean.TRUE.equals(r.getDeleted()),
                new CirconscriptionDraft(r.getProvinceId(), r.getCode(), r.getNameFr(), r.getNameAr(), r.getMilieu(),
                        r.getCoverage(), r.getSeat(), r.getHeadName(), r.getPopulation(), r.getNotes()), essps, communes);
    }
}
