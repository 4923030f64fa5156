package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COST;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training writes: each rule broken is refused with its code and nothing is written; the rest is read back. */
class TrainingRepositoryTest {

    private static final LocalDate JAN_18 = LocalDate.parse("2027-01-18");

    @TempDir
    Path dir;

    private static String rule(Runnable write) {
        try {
            write.run();
        } catch (EditRuleException e) {
            return e.rule();
        }
        throw new AssertionError("no rule broken");
    }

    @Test
    void sessionsParticipantsAttendanceAndCostsAreCheckedThenWritten() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            TrainingProgrammeRecord programme = dsl.newRecord(TRAINING_PROGRAMME);
            programme.setCode("MBA");
            programme.setKind("mba");
            programme.setTitleFr("MBA");
            programme.setRequiredHours(20.0);
            int programmeId = SyncedRows.insert(dsl, edit, programme);
            TrainingCohortRecord cohort = dsl.newRecord(TRAINING_COHORT);
            cohort.setProgrammeId(programmeId);
            cohort.setName("Cohorte 2");
            cohort.setStartsOn(JAN_18);
            cohort.setEndsOn(JAN_18.plusMonths(3));
            cohort.setSeats(2);
            int cohortId = SyncedRows.insert(dsl, edit, cohort);
            int esspId = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("E001")).fetchOne(ESSP.ID);
            StaffPositionRecord staff = dsl.newRecord(STAFF_POSITION);
            staff.setEsspId(esspId);
            staff.setCadreCode("nurse");
            staff.setHolderName("Amina Alaoui");
            staff.setJobTitle("Infirmière cheffe");
            staff.setGender("f");
            int staffId = SyncedRows.insert(dsl, edit, staff);
            TrainingRepository training = new TrainingRepository(dsl);

            // sessions: outside the cohort's dates refused, nothing written
            assertThat(rule(() -> training.addSession(edit, cohortId, "S0", JAN_18.minusDays(1), JAN_18.plusDays(1), 24.0,
                    "ENSP", "X"))).isEqualTo("SESSION_OUTSIDE_COHORT");
            assertThat(dsl.fetchCount(TRAINING_SESSION)).isZero();
            int s1 = training.addSession(edit, cohortId, "S1", JAN_18, JAN_18.plusDays(2), 24.0, "ENSP", "Dr Fassi");

            // participants: from the staff records, once, within the seats
            assertThat(training.staffCandidates("infirm", 10)).singleElement().satisfies(c -> {
                assertThat(c.positionId()).isEqualTo(staffId);
                assertThat(c.structureKind()).isEqualTo("essp");
                assertThat(c.placeName()).isEqualTo("CSU Médina");
            });
            assertThat(training.staffCandidates("médina", 10)).hasSize(1);
            assertThat(training.staffCandidates("personne", 10)).isEmpty();
            int amina = training.addParticipant(edit, cohortId, staffId, "Amina Alaoui", "Infirmière cheffe", "f");
            assertThat(rule(() -> training.addParticipant(edit, cohortId, staffId, "Amina Alaoui", null, "f")))
                    .isEqualTo("PARTICIPANT_TWICE");
            training.addParticipant(edit, cohortId, null, "Karim Bennani", null, "m");
            assertThat(rule(() -> training.addParticipant(edit, cohortId, null, "Sara Idrissi", null, "f")))
                    .isEqualTo("SEATS_EXCEEDED");
            assertThat(dsl.fetchCount(TRAINING_PARTICIPANT)).isEqualTo(2);

            // attendance: more than the session's 24 h refused, then 24 h written and changed
            assertThat(rule(() -> training.setAttendance(edit, s1, amina, null, true, 25.0))).isEqualTo("HOURS_ABOVE_SESSION");
            assertThat(dsl.fetchCount(TRAINING_ATTENDANCE)).isZero();
            SyncedRows.Written first = training.setAttendance(edit, s1, amina, null, true, 20.0);
            training.setAttendance(edit, s1, amina, first.version(), true, 24.0);

            // costs: no unit or a negative amount refused; else unit cost × units
            assertThat(rule(() -> training.addCostLine(edit, cohortId, "venue", null, 2_000.0, 3.0, "planned", null, null)))
                    .isEqualTo("UNIT_REQUIRED");
            assertThat(rule(() -> training.addCostLine(edit, cohortId, "venue", "venue_day", -2_000.0, 3.0, "planned", null, null)))
                    .isEqualTo("AMOUNT_NEGATIVE");
            training.addCostLine(edit, cohortId, "per_diem", "participant_day", 200.0, 6.0, "planned", "UE", null);
            // an expert-day line must say whose experts it pays; no other line may: nothing written either way
            assertThat(rule(() -> training.addCostLine(edit, cohortId, "trainers", "expert_day", 9_000.0, 3.0, "planned", "UE", null)))
                    .isEqualTo("ORIGIN_REQUIRED");
            assertThat(rule(() -> training.addCostLine(edit, cohortId, "venue", "venue_day", 2_000.0, 3.0, "planned", null, "moroccan")))
                    .isEqualTo("ORIGIN_NOT_EXPERT_DAY");
            assertThat(dsl.fetchCount(TRAINING_COST)).isEqualTo(1);

            TrainingData data = training.load();
            assertThat(data.sessions()).singleElement().satisfies(s -> assertThat(s.trainers()).isEqualTo("Dr Fassi"));
            assertThat(data.attendance()).singleElement().satisfies(a -> {
                assertThat(a.hoursAttended()).isEqualTo(24.0);
                assertThat(a.version()).isEqualTo(2);
            });
            assertThat(data.participants()).extracting(TrainingData.Participant::fullName)
                    .containsExactly("Amina Alaoui", "Karim Bennani");
            assertThat(data.costs()).singleElement().satisfies(l -> {
                assertThat(l.amountMad()).isEqualTo(1_200.0);
                assertThat(l.fundingLine()).isEqualTo("UE");
                assertThat(l.expertOrigin()).isNull();
            });

            // an expert-day line with its origin; the origin changed afterwards through the same checks
            int experts = training.addCostLine(edit, cohortId, "trainers", "expert_day", 9_000.0, 3.0, "planned", "UE", "european");
            assertThat(training.load().costs().getLast().expertOrigin()).isEqualTo("european");
            assertThat(rule(() -> training.setCostLineOrigin(edit, experts, 1, null))).isEqualTo("ORIGIN_REQUIRED");
            int perDiem = data.costs().getFirst().id();
            assertThat(rule(() -> training.setCostLineOrigin(edit, perDiem, 1, "moroccan"))).isEqualTo("ORIGIN_NOT_EXPERT_DAY");
            assertThat(training.setCostLineOrigin(edit, experts, 1, "moroccan")).isEqualTo(2);
            assertThat(training.load().costs()).extracting(TrainingData.CostLine::expertOrigin).containsExactly(null, "moroccan");

            // a staff record deleted afterwards: the participant is kept and shown as such
            SyncedRows.softDelete(dsl, edit, STAFF_POSITION, staffId, 1);
            assertThat(training.load().participants().getFirst().staffDeleted()).isTrue();
            assertThat(training.staffCandidates("amina", 10)).isEmpty();
        }
    }

    @Test
    void theCalendarContextIsSeededFor2026And2027AndEditable() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("c.essp"))) {
            EditContext edit = EditContext.system("test");
            TrainingRepository training = new TrainingRepository(mission.dsl());
            var seeded = training.calendarContext();
            assertThat(seeded).hasSize(30);
            assertThat(seeded).filteredOn(c -> c.kind().equals("ramadan")).extracting(c -> c.startsOn().getYear())
                    .containsExactly(2026, 2027);
            assertThat(seeded).anySatisfy(c -> {
                assertThat(c.labelFr()).isEqualTo("Fête du Trône");
                assertThat(c.startsOn()).isEqualTo(LocalDate.parse("2026-07-30"));
            });
            assertThat(seeded).allSatisfy(c -> assertThat(c.endsOn()).isAfterOrEqualTo(c.startsOn()));
            assertThat(rule(() -> training.addCalendarContext(edit, "public_holiday", JAN_18, JAN_18.minusDays(1), "X")))
                    .isEqualTo("DATES_REVERSED");
            int id = training.addCalendarContext(edit, "public_holiday", LocalDate.parse("2028-01-01"),
                    LocalDate.parse("2028-01-01"), "Nouvel an");
            assertThat(training.calendarContext()).hasSize(31);
            training.deleteCalendarContext(edit, id, 1);
            assertThat(training.calendarContext()).hasSize(30);
        }
    }
}
