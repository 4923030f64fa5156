package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Creating and changing ESSPs. Every change goes through {@link SyncedRows}: version + 1, who and when, and an
 * optimistic check against the version the editor started from. Deleting is soft and can be undone.
 */
public final class EsspEditRepository {

    /** Two ESSPs closer than this are suspected to be the same establishment entered twice. */
    public static final double DUPLICATE_RADIUS_METRES = 200;

    private final DSLContext dsl;
    private final EditContext edit;

    public EsspEditRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /**
     * The editable fields of an ESSP. Codes ({@code milieu} rural|urban, {@code functionality}
     * fully|partially|not_functioning) are stored as such and translated by the UI.
     */
    public record EsspDraft(String code, String nameFr, String nameAr, String categoryCode, int circonscriptionId,
                            Integer communeId, String milieu, boolean deliveryUnit, Double latitude, Double longitude,
                            Integer populationServed, String functionality, String functionalityReason,
                            String openingHours, String address, String notes) {
    }

    /** A stored ESSP: its draft plus the synchronisation columns the editor needs to write it back. */
    public record StoredEssp(int id, String uuid, int version, boolean deleted, String updatedAt, String updatedBy,
                             EsspDraft values) {
    }

    /** Why a row looks like a duplicate of the one being created. */
    public enum DuplicateReason { SAME_NAME_SAME_CIRCONSCRIPTION, WITHIN_200_M }

    public record DuplicateCandidate(int id, String code, String nameFr, DuplicateReason reason, Double distanceMetres) {
    }

    /** Fields a bulk edit may set on many ESSPs at once. */
    public enum BulkField {
        FUNCTIONALITY(ESSP.FUNCTIONALITY), FUNCTIONALITY_REASON(ESSP.FUNCTIONALITY_REASON), CATEGORY(ESSP.CATEGORY_CODE),
        MILIEU(ESSP.MILIEU), DELIVERY_UNIT(ESSP.DELIVERY_UNIT), OPENING_HOURS(ESSP.OPENING_HOURS),
        CIRCONSCRIPTION(ESSP.CIRCONSCRIPTION_ID);

        private final Field<?> column;

        BulkField(Field<?> column) {
            this.column = column;
        }
    }

    public int create(EsspDraft draft) {
        EsspRecord r = dsl.newRecord(ESSP);
        apply(r, draft);
        return SyncedRows.insert(dsl, edit, r);
    }

    public Optional<StoredEssp> find(int id) {
        return dsl.selectFrom(ESSP).where(ESSP.ID.eq(id)).fetchOptional().map(EsspEditRepository::stored);
    }

    public Optional<StoredEssp> findByCode(String code) {
        return dsl.selectFrom(ESSP).where(DSL.upper(DSL.trim(ESSP.CODE)).eq(normaliseCode(code)))
                .fetchOptional().map(EsspEditRepository::stored);
    }

    /** Writes {@code draft} over ESSP {@code id} if nobody changed it since {@code expectedVersion}; the new version. */
    public int update(int id, int expectedVersion, EsspDraft draft) {
        return SyncedRows.update(dsl, edit, ESSP, id, expectedVersion, changes(draft));
    }

    public int softDelete(int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, ESSP, id, expectedVersion);
    }

    public int restore(int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, ESSP, id, expectedVersion);
    }

    /**
     * Soft-deletes every ESSP of {@code expectedVersions} (id to the version the list showed), in one transaction:
     * all or none, a stale one refuses the whole selection ({@link StaleEditException} naming it). The new version of
     * each, by id (what the undo starts from).
     */
    public Map<Integer, Integer> softDeleteAll(Map<Integer, Integer> expectedVersions) {
        return versions(SyncedRows.softDeleteAll(dsl, edit, ESSP, expectedVersions));
    }

    /** Restores every ESSP of {@code expectedVersions}, in one transaction (all or none); the new versions. */
    public Map<Integer, Integer> restoreAll(Map<Integer, Integer> expectedVersions) {
        return versions(SyncedRows.restoreAll(dsl, edit, ESSP, expectedVersions));
    }

    /**
     * A bulk edit done: the version of each ESSP after it and the value each had before (read inside the edit's
     * transaction), so that the undo puts each one back.
     */
    public record BulkEdit(BulkField field, Map<Integer, Integer> versions, Map<Integer, Object> previous) {
    }

    /**
     * Sets one field to the same value on every ESSP of {@code expectedVersions}, in one transaction: all or none,
     * a stale row refuses the whole edit and is named by the {@link StaleEditException}.
     */
    public BulkEdit bulkSet(Map<Integer, Integer> expectedVersions, BulkField field, Object value) {
        return bulkEdit(field, SyncedRows.updateAll(dsl, edit, ESSP, expectedVersions, Map.of(field.column, value)));
    }

    /** Undoes a bulk edit: each ESSP gets its previous value back, if it is still at the version the edit left. */
    public BulkEdit undo(BulkEdit done) {
        List<SyncedRows.Change> changes = new ArrayList<>();
        done.versions().forEach((id, version) -> {
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(done.field().column, done.previous().get(id));
            changes.add(new SyncedRows.Change(id, version, values));
        });
        return bulkEdit(done.field(), SyncedRows.updateAll(dsl, edit, ESSP, changes));
    }

    private static BulkEdit bulkEdit(BulkField field, List<SyncedRows.Written> written) {
        Map<Integer, Object> previous = new LinkedHashMap<>();
        written.forEach(w -> previous.put(w.id(), w.before().get(field.column)));
        return new BulkEdit(field, versions(written), previous);
    }

    private static Map<Integer, Integer> versions(List<SyncedRows.Written> written) {
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        written.forEach(w -> versions.put(w.id(), w.version()));
        return versions;
    }

    /** Whether another ESSP (deleted ones included: codes are never reused) has this code, ignoring case and spaces. */
    public boolean codeTaken(String code, Integer exceptId) {
        var condition = DSL.upper(DSL.trim(ESSP.CODE)).eq(normaliseCode(code));
        if (exceptId != null) {
            condition = condition.and(ESSP.ID.ne(exceptId));
        }
        return dsl.fetchExists(ESSP, condition);
    }

    /** The digits an ESSP code of this circonscription's province must start with (the HCP code without dots). */
    public Optional<String> provinceDigits(int circonscriptionId) {
        return dsl.select(PROVINCE.CODE).from(CIRCONSCRIPTION).join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .where(CIRCONSCRIPTION.ID.eq(circonscriptionId)).fetchOptional(PROVINCE.CODE)
                .map(c -> c.replace(".", ""));
    }

    /** The next free code of a province: its digits, a dash and one more than the highest 4-digit suffix in use. */
    public String suggestCode(int provinceId) {
        String digits = dsl.select(PROVINCE.CODE).from(PROVINCE).where(PROVINCE.ID.eq(provinceId))
                .fetchOptional(PROVINCE.CODE).orElseThrow().replace(".", "");
        int max = 0;
        for (String code : dsl.select(ESSP.CODE).from(ESSP).where(ESSP.CODE.like(digits + "-%")).fetch(ESSP.CODE)) {
            String suffix = code.substring(digits.length() + 1);
            if (suffix.matches("\\d{4}")) {
                max = Math.max(max, Integer.parseInt(suffix));
            }
        }
        return digits + "-" + String.format(Locale.ROOT, "%04d", max + 1);
    }

    /** Category codes with whether the category has a delivery unit by definition. */
    public Map<String, Boolean> categoryDeliveryUnits() {
        Map<String, Boolean> categories = new LinkedHashMap<>();
        dsl.selectFrom(ESSP_CATEGORY).orderBy(ESSP_CATEGORY.SORT_ORDER)
                .forEach(c -> categories.put(c.getCode(), Boolean.TRUE.equals(c.getDeliveryUnit())));
        return categories;
    }

    /**
     * Live ESSPs that look like the one about to be saved: same name (accents, case and spacing ignored) in the
     * same circonscription, or closer than 200 m.
     */
    public List<DuplicateCandidate> findDuplicates(String nameFr, int circonscriptionId, Double latitude, Double longitude,
                                                   Integer exceptId) {
        List<DuplicateCandidate> found = new ArrayList<>();
        String key = nameKey(nameFr);
        var live = ESSP.DELETED.isFalse().and(exceptId == null ? DSL.noCondition() : ESSP.ID.ne(exceptId));
        if (!key.isEmpty()) {
            dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR).from(ESSP).where(live).and(ESSP.CIRCONSCRIPTION_ID.eq(circonscriptionId))
                    .forEach(r -> {
                        if (nameKey(r.value3()).equals(key)) {
                            found.add(new DuplicateCandidate(r.value1(), r.value2(), r.value3(),
                                    DuplicateReason.SAME_NAME_SAME_CIRCONSCRIPTION, null));
                        }
                    });
        }
        if (latitude != null && longitude != null) {
            // a box a little larger than 200 m around the point narrows the rows before the exact distance
            double dLat = 0.0025;
            double dLon = 0.0025 / Math.max(0.2, Math.cos(Math.toRadians(latitude)));
            Set<Integer> already = new java.util.HashSet<>();
            found.forEach(d -> already.add(d.id()));
            dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.LATITUDE, ESSP.LONGITUDE).from(ESSP).where(live)
                    .and(ESSP.LATITUDE.between(latitude - dLat, latitude + dLat))
                    .and(ESSP.LONGITUDE.between(longitude - dLon, longitude + dLon))
                    .forEach(r -> {
                        double d = distanceMetres(latitude, longitude, r.value4(), r.value5());
                        if (d <= DUPLICATE_RADIUS_METRES && !already.contains(r.value1())) {
                            found.add(new DuplicateCandidate(r.value1(), r.value2(), r.value3(), DuplicateReason.WITHIN_200_M, d));
                        }
                    });
        }
        return found;
    }

    /**
     * What tells two ESSPs entered apart (two laptops, or a workbook and the mission) for the same establishment:
     * {@link #likelySame} is the one definition of a duplicate candidate the merge and the field import share.
     *
     * @param circonscription the circonscription, by whatever identifies it on both sides (a uuid, an id)
     */
    public record NaturalKey(Object circonscription, String nameFr, Double latitude, Double longitude) {

        /**
         * The same normalised name ({@link #nameKey}, not empty) in the same circonscription, and within
         * {@link #DUPLICATE_RADIUS_METRES} of each other when both have a position.
         */
        public boolean likelySame(NaturalKey other) {
            String key = nameKey(nameFr);
            if (!Objects.equals(circonscription, other.circonscription) || key.isEmpty() || !key.equals(nameKey(other.nameFr))) {
                return false;
            }
            return latitude == null || longitude == null || other.latitude == null || other.longitude == null
                    || distanceMetres(latitude, longitude, other.latitude, other.longitude) <= DUPLICATE_RADIUS_METRES;
        }
    }

    /** Great-circle distance (haversine, mean Earth radius). */
    public static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_008.8;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The comparison key of a name: no accents, lower case, single spaces, punctuation dropped. */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String normaliseCode(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static void apply(EsspRecord r, EsspDraft d) {
        r.setCode(d.code() == null ? null : d.code().trim());
        r.setNameFr(d.nameFr() == null ? null : d.nameFr().trim());
        r.setNameAr(blankToNull(d.nameAr()));
        r.setCategoryCode(d.categoryCode());
        r.setCirconscriptionId(d.circonscriptionId());
        r.setCommuneId(d.communeId());
        r.setMilieu(d.milieu());
        r.setDeliveryUnit(d.deliveryUnit());
        r.setLatitude(d.latitude());
        r.setLongitude(d.longitude());
        r.setPopulationServed(d.populationServed());
        r.setFunctionality(d.functionality() == null ? "fully" : d.functionality());
        r.setFunctionalityReason(blankToNull(d.functionalityReason()));
        r.setOpeningHours(blankToNull(d.openingHours()));
        r.setAddress(blankToNull(d.address()));
        r.setNotes(blankToNull(d.notes()));
    }

    private Map<Field<?>, Object> changes(EsspDraft d) {
        EsspRecord r = dsl.newRecord(ESSP);
        apply(r, d);
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        for (Field<?> f : List.of(ESSP.CODE, ESSP.NAME_FR, ESSP.NAME_AR, ESSP.CATEGORY_CODE, ESSP.CIRCONSCRIPTION_ID,
                ESSP.COMMUNE_ID, ESSP.MILIEU, ESSP.DELIVERY_UNIT, ESSP.LATITUDE, ESSP.LONGITUDE, ESSP.POPULATION_SERVED,
                ESSP.FUNCTIONALITY, ESSP.FUNCTIONALITY_REASON, ESSP.OPENING_HOURS, ESSP.ADDRESS, ESSP.NOTES)) {
            changes.put(f, r.get(f));
        }
        return changes;
    }

    static StoredEssp stored(EsspRecord r) {
        return new StoredEssp(r.getId(), r.getUuid(), r.getVersion(), Boolean.TRUE.equals(r.getDeleted()), r.getUpdatedAt(),
                r.getUpdatedBy(),
                new EsspDraft(r.getCode(), r.getNameFr(), r.getNameAr(), r.getCategoryCode(), r.getCirconscriptionId(),
                        r.getCommuneId(), r.getMilieu(), Boolean.TRUE.equals(r.getDeliveryUnit()), r.getLatitude(),
                        r.getLongitude(), r.getPopulationServed(), r.getFunctionality(), r.getFunctionalityReason(),
                        r.getOpeningHours(), r.getAddress(), r.getNotes()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
