package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.SUPERVISION_VISIT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Attributions and organisation of the circonscription sanitaire (ToR axis 4): which functions it actually holds,
 * who holds them and with how many staff, and the supervision visits it makes to its ESSPs; plus the comparison of
 * the circonscriptions of a province.
 */
public final class CirconscriptionOrganisationRepository {

    /** The functions of the schema, in display order. */
    public enum Function {
        PLANNING("planning"), PROGRAMME_MONITORING("programme_monitoring"), SUPERVISION("supervision"),
        DATA_COLLECTION("data_collection"), COMPLAINT_FOLLOW_UP("complaint_follow_up"), TRAINING("training");

        public final String code;

        Function(String code) {
            this.code = code;
        }

        public static Function of(String code) {
            for (Function f : values()) {
                if (f.code.equals(code)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(code);
        }
    }

    /** held|partial|not_held. */
    public record FunctionHeld(int id, int version, Function function, String held, String holder, Double staffCount, String notes) {
    }

    public record Visit(int id, int version, int circonscriptionId, int esspId, String esspCode, String esspName,
                        LocalDate visitedOn, String supervisor, String findings) {
    }

    /** One row of the comparison: functions held, ESSPs, visits in the year and visits per ESSP (null: no ESSP). */
    public record Comparison(int circonscriptionId, String code, String nameFr, String nameAr, Map<Function, String> held,
                             int essps, int visits, Double visitsPerEssp) {
    }

    private final DSLContext dsl;
    private final EditContext edit;

    public CirconscriptionOrganisationRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    public List<FunctionHeld> functions(int circonscriptionId) {
        List<FunctionHeld> list = new ArrayList<>(dsl.selectFrom(CIRCONSCRIPTION_FUNCTION)
                .where(CIRCONSCRIPTION_FUNCTION.CIRCONSCRIPTION_ID.eq(circonscriptionId)).and(CIRCONSCRIPTION_FUNCTION.DELETED.isFalse())
                .fetch(f -> new FunctionHeld(f.getId(), f.getVersion(), Function.of(f.getFunctionCode()), f.getHeld(), f.getHolder(),
                        f.getStaffCount(), f.getNotes())));
        list.sort(java.util.Comparator.comparing(FunctionHeld::function));
        return list;
    }

    /**
     * Inserts or updates (undeleting) what the team found about one function of a circonscription, through the
     * writer's upsert; its id. {@code expectedVersion} is the version shown ({@link FunctionHeld#version()}), null when
     * nothing was entered yet; changed meanwhile: {@link StaleEditException}, nothing written.
     */
    public int saveFunction(int circonscriptionId, Function function, Integer expectedVersion, String held, String holder,
                            Double staffCount, String notes) {
        Map<Field<?>, Object> key = new LinkedHashMap<>();
        key.put(CIRCONSCRIPTION_FUNCTION.CIRCONSCRIPTION_ID, circonscriptionId);
        key.put(CIRCONSCRIPTION_FUNCTION.FUNCTION_CODE, function.code);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(CIRCONSCRIPTION_FUNCTION.HELD, held);
        values.put(CIRCONSCRIPTION_FUNCTION.HOLDER, holder);
        values.put(CIRCONSCRIPTION_FUNCTION.STAFF_COUNT, staffCount);
        values.put(CIRCONSCRIPTION_FUNCTION.NOTES, notes);
        return SyncedRows.upsert(dsl, edit, CIRCONSCRIPTION_FUNCTION, key, expectedVersion, values).id();
    }

    /**
     * Records a supervision visit of {@code circonscriptionId} to one of its ESSPs; its id. Refused
     * ({@link EditRuleException}) without a date or when the ESSP does not belong to the circonscription.
     */
    public int addVisit(int circonscriptionId, int esspId, LocalDate visitedOn, String supervisor, String findings) {
        checkVisit(circonscriptionId, esspId, visitedOn);
        var r = dsl.newRecord(SUPERVISION_VISIT);
        r.setCirconscriptionId(circonscriptionId);
        r.setEsspId(esspId);
        r.setVisitedOn(visitedOn);
        r.setSupervisor(supervisor);
        r.setFindings(findings);
        return SyncedRows.insert(dsl, edit, r);
    }

    /**
     * Corrects a visit (ESSP visited, date, supervisor, findings) if it is still at {@code expectedVersion}; its new
     * version. Refused with {@link StaleEditException} when the visit was changed or deleted meanwhile, and with
     * {@link EditRuleException} on the same rules as {@link #addVisit}; nothing is written when refused.
     */
    public int updateVisit(int id, int expectedVersion, int esspId, LocalDate visitedOn, String supervisor, String findings) {
        var row = dsl.select(SUPERVISION_VISIT.CIRCONSCRIPTION_ID, SUPERVISION_VISIT.VERSION, SUPERVISION_VISIT.DELETED)
                .from(SUPERVISION_VISIT).where(SUPERVISION_VISIT.ID.eq(id)).fetchOne();
        if (row == null || Boolean.TRUE.equals(row.value3()) || row.value2() != expectedVersion) {
            throw new StaleEditException(SUPERVISION_VISIT.getName(), id, expectedVersion);
        }
        checkVisit(row.value1(), esspId, visitedOn);
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(SUPERVISION_VISIT.ESSP_ID, esspId);
        changes.put(SUPERVISION_VISIT.VISITED_ON, visitedOn);
        changes.put(SUPERVISION_VISIT.SUPERVISOR, supervisor);
        changes.put(SUPERVISION_VISIT.FINDINGS, findings);
        // a delete meanwhile bumped the version too: the version guard refuses it
        return SyncedRows.update(dsl, edit, SUPERVISION_VISIT, id, expectedVersion, changes);
    }

    private void checkVisit(int circonscriptionId, int esspId, LocalDate visitedOn) {
        if (visitedOn == null) {
            throw new EditRuleException("visit.date-required", "a supervision visit needs its date");
        }
        boolean ownEssp = dsl.fetchExists(ESSP, ESSP.ID.eq(esspId).and(ESSP.CIRCONSCRIPTION_ID.eq(circonscriptionId))
                .and(ESSP.DELETED.isFalse()));
        if (!ownEssp) {
            throw new EditRuleException("visit.essp-other-circonscription",
                    "ESSP #" + esspId + " does not belong to circonscription #" + circonscriptionId);
        }
    }

    public int deleteVisit(int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, SUPERVISION_VISIT, id, expectedVersion);
    }

    public List<Visit> visits(int circonscriptionId) {
        return dsl.select(SUPERVISION_VISIT.asterisk(), ESSP.CODE, ESSP.NAME_FR).from(SUPERVISION_VISIT)
                .join(ESSP).on(ESSP.ID.eq(SUPERVISION_VISIT.ESSP_ID))
                .where(SUPERVISION_VISIT.CIRCONSCRIPTION_ID.eq(circonscriptionId)).and(SUPERVISION_VISIT.DELETED.isFalse())
                .orderBy(SUPERVISION_VISIT.VISITED_ON.desc())
                .fetch(r -> new Visit(r.get(SUPERVISION_VISIT.ID), r.get(SUPERVISION_VISIT.VERSION),
                        r.get(SUPERVISION_VISIT.CIRCONSCRIPTION_ID), r.get(SUPERVISION_VISIT.ESSP_ID), r.get(ESSP.CODE),
                        r.get(ESSP.NAME_FR), r.get(SUPERVISION_VISIT.VISITED_ON), r.get(SUPERVISION_VISIT.SUPERVISOR),
                        r.get(SUPERVISION_VISIT.FINDINGS)));
    }

    /** The circonscriptions of a province side by side for {@code year}; functions not entered are absent from the map. */
    public List<Comparison> compare(int provinceId, int year) {
        Map<Integer, Map<Function, String>> held = new HashMap<>();
        dsl.select(CIRCONSCRIPTION_FUNCTION.CIRCONSCRIPTION_ID, CIRCONSCRIPTION_FUNCTION.FUNCTION_CODE, CIRCONSCRIPTION_FUNCTION.HELD)
                .from(CIRCONSCRIPTION_FUNCTION).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(CIRCONSCRIPTION_FUNCTION.CIRCONSCRIPTION_ID))
                .where(CIRCONSCRIPTION.PROVINCE_ID.eq(provinceId)).and(CIRCONSCRIPTION_FUNCTION.DELETED.isFalse())
                .forEach(r -> held.computeIfAbsent(r.value1(), k -> new EnumMap<>(Function.class)).put(Function.of(r.value2()), r.value3()));
        var essps = DSL.selectCount().from(ESSP).where(ESSP.CIRCONSCRIPTION_ID.eq(CIRCONSCRIPTION.ID)).and(ESSP.DELETED.isFalse())
                .asField("essps");
        var visits = DSL.selectCount().from(SUPERVISION_VISIT).where(SUPERVISION_VISIT.CIRCONSCRIPTION_ID.eq(CIRCONSCRIPTION.ID))
                .and(SUPERVISION_VISIT.DELETED.isFalse())
                .and(SUPERVISION_VISIT.VISITED_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).asField("visits");
        return dsl.select(CIRCONSCRIPTION.ID, CIRCONSCRIPTION.CODE, CIRCONSCRIPTION.NAME_FR, CIRCONSCRIPTION.NAME_AR, essps, visits)
                .from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.PROVINCE_ID.eq(provinceId)).and(CIRCONSCRIPTION.DELETED.isFalse())
                .orderBy(CIRCONSCRIPTION.NAME_FR)
                .fetch(r -> {
                    int e = r.get(essps, Integer.class);
                    int v = r.get(visits, Integer.class);
                    return new Comparison(r.value1(), r.value2(), r.value3(), r.value4(),
                            held.getOrDefault(r.value1(), new EnumMap<>(Function.class)), e, v, e == 0 ? null : (double) v / e);
                });
    }
}
