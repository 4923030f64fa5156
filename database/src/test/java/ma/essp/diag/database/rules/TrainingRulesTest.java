package ma.essp.diag.database.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.essp.diag.database.rules.TrainingRules.Clash;
import ma.essp.diag.database.rules.TrainingRules.ClashKind;
import ma.essp.diag.database.rules.TrainingRules.Code;
import ma.essp.diag.database.rules.TrainingRules.Enrolled;
import ma.essp.diag.database.rules.TrainingRules.Problem;
import ma.essp.diag.database.rules.TrainingRules.Slot;
import org.junit.jupiter.api.Test;

class TrainingRulesTest {

    private static final LocalDate JAN_18 = LocalDate.parse("2027-01-18");
    private static final LocalDate APR_8 = LocalDate.parse("2027-04-08");

    private static Optional<Code> code(Optional<Problem> p) {
        return p.map(Problem::code);
    }

    @Test
    void aSessionMustLieWithinItsCohortsDates() {
        assertThat(TrainingRules.sessionDates(JAN_18, JAN_18.plusDays(2), JAN_18, APR_8)).isEmpty();
        assertThat(TrainingRules.sessionDates(APR_8.minusDays(1), APR_8, JAN_18, APR_8)).isEmpty();
        Optional<Problem> before = TrainingRules.sessionDates(JAN_18.minusDays(1), JAN_18.plusDays(1), JAN_18, APR_8);
        assertThat(code(before)).contains(Code.SESSION_OUTSIDE_COHORT);
        assertThat(before.get().args()).containsExactly(JAN_18, APR_8);
        assertThat(code(TrainingRules.sessionDates(APR_8, APR_8.plusDays(1), JAN_18, APR_8))).contains(Code.SESSION_OUTSIDE_COHORT);
        assertThat(TrainingRules.sessionDates(JAN_18.minusYears(1), JAN_18, null, null)).isEmpty();
        assertThat(code(TrainingRules.sessionDates(JAN_18, JAN_18.minusDays(1), null, null))).contains(Code.DATES_REVERSED);
        assertThat(code(TrainingRules.sessionDates(null, JAN_18, null, null))).contains(Code.DATE_REQUIRED);
    }

    @Test
    void hoursAttendedCannotExceedTheSessionsHours() {
        assertThat(TrainingRules.hoursAttended(24.0, 24)).isEmpty();
        assertThat(TrainingRules.hoursAttended(0.0, 24)).isEmpty();
        assertThat(TrainingRules.hoursAttended(null, 24)).isEmpty();
        Optional<Problem> above = TrainingRules.hoursAttended(24.5, 24);
        assertThat(code(above)).contains(Code.HOURS_ABOVE_SESSION);
        assertThat(above.get().args()).containsExactly(24.0);
        assertThat(code(TrainingRules.hoursAttended(-1.0, 24))).contains(Code.NEGATIVE);
        assertThat(code(TrainingRules.hoursAttended(Double.NaN, 24))).contains(Code.NOT_A_NUMBER);
    }

    @Test
    void aParticipantOnceACohortWithinItsSeatsAndNotFromADeletedRecord() {
        List<Enrolled> enrolled = List.of(new Enrolled(7, "Amina Alaoui"), new Enrolled(null, "Karim Bennani"));
        assertThat(TrainingRules.newParticipant(8, "Sara Idrissi", false, enrolled, 3)).isEmpty();
        assertThat(code(TrainingRules.newParticipant(7, "Autre nom", false, enrolled, 5))).contains(Code.PARTICIPANT_TWICE);
        assertThat(code(TrainingRules.newParticipant(null, "  karim  BENNANI ", false, enrolled, 5))).contains(Code.PARTICIPANT_TWICE);
        assertThat(code(TrainingRules.newParticipant(9, "Karim Bennani", false, enrolled, 5))).contains(Code.PARTICIPANT_TWICE);
        // two distinct staff records of the same name are two people
        assertThat(TrainingRules.newParticipant(9, "Amina Alaoui", false, enrolled, 5)).isEmpty();
        Optional<Problem> full = TrainingRules.newParticipant(8, "Sara Idrissi", false, enrolled, 2);
        assertThat(code(full)).contains(Code.SEATS_EXCEEDED);
        assertThat(full.get().args()).containsExactly(2);
        assertThat(TrainingRules.newParticipant(8, "Sara Idrissi", false, enrolled, null)).isEmpty();
        assertThat(code(TrainingRules.newParticipant(8, "Sara Idrissi", true, enrolled, 5))).contains(Code.STAFF_DELETED);
    }

    @Test
    void aCostLineNeedsAUnitUnitsAndNoNegativeAmount() {
        assertThat(TrainingRules.costLine("participant_day", 200.0, 60.0, null)).isEmpty();
        assertThat(TrainingRules.costLine("lump_sum", 5_000.0, null, null)).isEmpty();
        assertThat(code(TrainingRules.costLine(null, 200.0, 60.0, null))).contains(Code.UNIT_REQUIRED);
        assertThat(code(TrainingRules.costLine(" ", 200.0, 60.0, null))).contains(Code.UNIT_REQUIRED);
        assertThat(code(TrainingRules.costLine("venue_day", -1.0, 3.0, null))).contains(Code.AMOUNT_NEGATIVE);
        assertThat(code(TrainingRules.costLine("expert_day", 5_000.0, null, "moroccan"))).contains(Code.UNITS_REQUIRED);
        assertThat(code(TrainingRules.costLine("expert_day", 5_000.0, -2.0, "european"))).contains(Code.NEGATIVE);
        assertThat(code(TrainingRules.costLine("expert_day", null, 2.0, "moroccan"))).contains(Code.NOT_A_NUMBER);
    }

    @Test
    void anExpertDayLineSaysWhoseExpertsItPaysAndNoOtherLineDoes() {
        assertThat(TrainingRules.costLine("expert_day", 2_500.0, 6.0, "moroccan")).isEmpty();
        assertThat(TrainingRules.costLine("expert_day", 9_000.0, 3.0, "european")).isEmpty();
        // an expert-day line without its origin, or with one that is neither
        assertThat(code(TrainingRules.costLine("expert_day", 2_500.0, 6.0, null))).contains(Code.ORIGIN_REQUIRED);
        assertThat(code(TrainingRules.costLine("expert_day", 2_500.0, 6.0, " "))).contains(Code.ORIGIN_REQUIRED);
        assertThat(code(TrainingRules.costLine("expert_day", 2_500.0, 6.0, "american"))).contains(Code.ORIGIN_REQUIRED);
        // an origin on a line that does not pay experts by the day: refused, the unit named
        Optional<Problem> venue = TrainingRules.costLine("venue_day", 3_500.0, 3.0, "european");
        assertThat(code(venue)).contains(Code.ORIGIN_NOT_EXPERT_DAY);
        assertThat(venue.get().args()).containsExactly("venue_day");
        assertThat(code(TrainingRules.costLine("lump_sum", 5_000.0, null, "moroccan"))).contains(Code.ORIGIN_NOT_EXPERT_DAY);
        // the unit is asked first
        assertThat(code(TrainingRules.costLine(null, 2_500.0, 6.0, "moroccan"))).contains(Code.UNIT_REQUIRED);
    }

    private static Slot slot(int id, String start, String end, String place, String trainers, String... participants) {
        return new Slot(id, LocalDate.parse(start), LocalDate.parse(end), place, trainers, Set.of(participants));
    }

    @Test
    void sameTrainerOnTheSameDayClashes() {
        List<Clash> clashes = TrainingRules.clashes(List.of(
                slot(1, "2027-01-18", "2027-01-18", "ENSP Rabat", "Dr Fassi ; Prof. Martin"),
                slot(2, "2027-01-18", "2027-01-18", "DRS Fès", "prof.  martin")));
        assertThat(clashes).containsExactly(new Clash(1, 2, ClashKind.TRAINER, "Prof. Martin"));
    }

    @Test
    void overlappingMultiDaySessionsClashOnParticipantAndPlace() {
        String p = TrainingRules.participantKey(42, "Amina");
        List<Clash> clashes = TrainingRules.clashes(List.of(
                slot(1, "2027-01-18", "2027-01-20", "ENSP Rabat", "A", p),
                slot(2, "2027-01-20", "2027-01-22", "ensp rabat", "B", p, TrainingRules.participantKey(null, "Zineb"))));
        assertThat(clashes).containsExactly(new Clash(1, 2, ClashKind.PARTICIPANT, "staff:42"),
                new Clash(1, 2, ClashKind.PLACE, "ENSP Rabat"));
    }

    @Test
    void backToBackSessionsDoNotClash() {
        assertThat(TrainingRules.clashes(List.of(
                slot(1, "2027-01-18", "2027-01-20", "ENSP Rabat", "Dr Fassi", "name:amina"),
                slot(2, "2027-01-21", "2027-01-22", "ENSP Rabat", "Dr Fassi", "name:amina")))).isEmpty();
    }

    @Test
    void nothingSharedOrNoPlaceIsNoClash() {
        assertThat(TrainingRules.clashes(List.of(
                slot(1, "2027-01-18", "2027-01-20", null, "Dr Fassi et Dr Tazi", "name:a"),
                slot(2, "2027-01-19", "2027-01-19", "", "Dr Alami", "name:b"),
                slot(3, "2027-01-19", "2027-01-19", null, "Dr Tazi", "name:c")))).containsExactly(
                new Clash(1, 3, ClashKind.TRAINER, "Dr Tazi"));
    }

    @Test
    void eligibilityDefaultsByProgrammeStructureAndCadre() {
        assertThat(TrainingRules.eligible("mba", "hospital", "administrator")).isTrue();
        assertThat(TrainingRules.eligible("mba", "gst", "doctor_specialist")).isTrue();
        assertThat(TrainingRules.eligible("mba", "essp", "nurse")).isTrue();
        assertThat(TrainingRules.eligible("mba", "essp", "midwife")).isFalse();
        assertThat(TrainingRules.eligible("mba", "circonscription_office", "nurse")).isFalse();
        assertThat(TrainingRules.eligible("short_course", "circonscription_office", "nurse")).isTrue();
        assertThat(TrainingRules.eligible("short_course", "hospital", "administrator")).isFalse();
        assertThat(TrainingRules.eligible("workshop", "essp", "doctor_gp")).isTrue();
        assertThat(TrainingRules.eligible("other", "hospital", "midwife")).isTrue();
        assertThat(TrainingRules.eligible("mba", "drs", "support_staff")).isFalse();
    }
}
