package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.STAFF_TRAINING;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;

import java.util.List;
import org.jooq.DSLContext;

/** Reads {@link TrainingNeedsData} (read only). */
public final class TrainingNeedsRepository {

    private final DSLContext dsl;

    public TrainingNeedsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public TrainingNeedsData load() {
        var c = CIRCONSCRIPTION;
        List<TrainingNeedsData.Circonscription> circonscriptions = dsl
                .select(c.ID, c.NAME_FR, c.NAME_AR, PROVINCE.ID, PROVINCE.NAME_FR, REGION.ID, REGION.NAME_FR)
                .from(c).join(PROVINCE).on(PROVINCE.ID.eq(c.PROVINCE_ID)).join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(c.DELETED.isFalse()).orderBy(REGION.ID, PROVINCE.ID, c.NAME_FR, c.ID)
                .fetch(r -> new TrainingNeedsData.Circonscription(r.get(c.ID), r.get(c.NAME_FR), r.get(c.NAME_AR),
                        r.get(PROVINCE.ID), r.get(PROVINCE.NAME_FR), r.get(REGION.ID), r.get(REGION.NAME_FR)));
        var f = CIRCONSCRIPTION_FUNCTION;
        List<TrainingNeedsData.FunctionState> functions = dsl.select(f.CIRCONSCRIPTION_ID, f.FUNCTION_CODE, f.HELD)
                .from(f).where(f.DELETED.isFalse()).orderBy(f.CIRCONSCRIPTION_ID, f.ID)
                .fetch(r -> new TrainingNeedsData.FunctionState(r.value1(), r.value2(), r.value3()));
        var s = STRUCTURE;
        List<TrainingNeedsData.Structure> structures = dsl.select(s.ID, s.KIND, s.NAME_FR, s.REGION_ID, s.PROVINCE_ID,
                        s.CIRCONSCRIPTION_ID)
                .from(s).where(s.DELETED.isFalse().and(s.KIND.in("sres", "delegation", "circonscription_office")))
                .orderBy(s.ID)
                .fetch(r -> new TrainingNeedsData.Structure(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
        var sp = STAFF_POSITION;
        List<TrainingNeedsData.Staff> staff = dsl.select(sp.ID, sp.STRUCTURE_ID, sp.ESSP_ID, ESSP.CIRCONSCRIPTION_ID,
                        ESSP.NAME_FR, sp.HOLDER_NAME, sp.JOB_TITLE, sp.CADRE_CODE, sp.GENDER)
                .from(sp).leftJoin(ESSP).on(ESSP.ID.eq(sp.ESSP_ID))
                .where(sp.DELETED.isFalse().and(sp.HOLDER_NAME.isNotNull()).and(sp.STATUS.ne("vacant")))
                .orderBy(sp.HOLDER_NAME, sp.ID)
                .fetch(r -> new TrainingNeedsData.Staff(r.get(sp.ID), r.get(sp.STRUCTURE_ID), r.get(sp.ESSP_ID),
                        r.get(ESSP.CIRCONSCRIPTION_ID), r.get(ESSP.NAME_FR), r.get(sp.HOLDER_NAME), r.get(sp.JOB_TITLE),
                        r.get(sp.CADRE_CODE), r.get(sp.GENDER)));
        var t = STAFF_TRAINING;
        List<TrainingNeedsData.Received> received = dsl.select(t.STAFF_POSITION_ID, t.TITLE, t.TOPIC, t.YEAR, t.HOURS)
                .from(t).where(t.DELETED.isFalse()).orderBy(t.STAFF_POSITION_ID, t.YEAR, t.ID)
                .fetch(r -> new TrainingNeedsData.Received(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        var tp = TRAINING_PARTICIPANT;
        var tc = TRAINING_COHORT;
        List<TrainingNeedsData.Enrolment> enrolments = dsl.select(tp.STAFF_POSITION_ID, tc.ID, tc.PROGRAMME_ID, tp.STATUS)
                .from(tp).join(tc).on(tc.ID.eq(tp.COHORT_ID))
                .where(tp.DELETED.isFalse().and(tc.DELETED.isFalse()).and(tp.STAFF_POSITION_ID.isNotNull()))
                .orderBy(tp.ID)
                .fetch(r -> new TrainingNeedsData.Enrolment(r.value1(), r.value2(), r.value3(), r.value4()));
        return new TrainingNeedsData(circonscriptions, functions, structures, staff, received, enrolments);
    }
}
