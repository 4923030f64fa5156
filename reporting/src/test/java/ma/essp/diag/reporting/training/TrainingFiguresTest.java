package ma.essp.diag.reporting.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Attendance;
import ma.essp.diag.database.repository.TrainingData.Cohort;
import ma.essp.diag.database.repository.TrainingData.CostLine;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.database.repository.TrainingData.Programme;
import ma.essp.diag.database.repository.TrainingData.Session;
import ma.essp.diag.reporting.training.TrainingFigures.Budget;
import ma.essp.diag.reporting.training.TrainingFigures.CohortFigures;
import ma.essp.diag.reporting.training.TrainingFigures.CostAxis;
import ma.essp.diag.reporting.training.TrainingFigures.CostTotal;
import ma.essp.diag.reporting.training.TrainingFigures.Progress;
import ma.essp.diag.reporting.training.TrainingFigures.Scenario;
import ma.essp.diag.reporting.training.TrainingFigures.ScenarioResult;
import ma.essp.diag.reporting.training.TrainingFigures.Seminar;
import ma.essp.diag.reporting.training.TrainingFigures.UnitCosts;
import org.junit.jupiter.api.Test;

/**
 * A hand-worked plan. MBA (required 50 h of 52 planned), cohort 1 in region 3 (2026): seminars of 24 h (3 days),
 * 16 h (2 days), 12 h (2 days). Ali 24 + 16 + 12 = 52 h (completed, graduated); Badia 24 + 14 + 12 (present, hours not
 * typed: the session's 12) = 50 h (completed, exactly the requirement; certificate C-2); Chama 24 + absent + 12 = 36 h
 * (not completed); Driss never came (0 h). Short course (no hours set), cohort 2 national (2027): one 10 h session, Emna
 * 10 h, completed.
 * <p>Costs of cohort 1, planned: 7 expert-days × 5,000 = 35,000 (UE) + 7 venue-days × 2,000 = 14,000 (Ministère) +
 * 4 participants × 7 days × 200 = 5,600 per diem (UE) + a lump 1,400 (no unit, no funding line) = 56,000. Actual:
 * 35,000 (UE) + 14,000 (Ministère) + per diem for the days people came, 7 + 7 + 5 = 19 × 200 = 3,800 (UE) = 52,800.
 * Per trainee 52,800 ÷ 4 = 13,200; per completed trainee 52,800 ÷ 2 = 26,400. Cohort 2: planned lump 10,000 (UE), no
 * actual: cost 10,000 per trainee.
 */
class TrainingFiguresTest {

    private static final LocalDate D = LocalDate.parse("2026-01-05");

    static TrainingData plan() {
        List<Programme> programmes = List.of(
                new Programme(1, 1, "MBA", "mba", "MBA", null, null, 52.0, 50.0),
                new Programme(2, 1, "SC", "short_course", "Cours", null, null, null, null));
        List<Cohort> cohorts = List.of(
                new Cohort(1, 1, 1, "MBA 1", 3, D, D.plusMonths(3), "Rabat", "completed", 5),
                new Cohort(2, 1, 2, "Cours 1", null, D.plusYears(1), D.plusYears(1), "Fès", "planned", 10));
        List<Session> sessions = List.of(
                new Session(11, 1, 1, "S1", D, D.plusDays(2), 24, "Rabat", "X"),
                new Session(12, 1, 1, "S2", D.plusDays(14), D.plusDays(15), 16, "Rabat", "X"),
                new Session(13, 1, 1, "S3", D.plusDays(28), D.plusDays(29), 12, "Rabat", "X"),
                new Session(21, 1, 2, "C1", D.plusYears(1), D.plusYears(1), 10, "Fès", "Y"));
        List<Participant> participants = List.of(
                participant(101, 1, "Ali", "m", "graduated", null),
                participant(102, 1, "Badia", "f", "enrolled", "C-2"),
                participant(103, 1, "Chama", "f", "dropped_out", null),
                participant(104, 1, "Driss", "m", "enrolled", null),
                participant(201, 2, "Emna", "f", "enrolled", null));
        List<Attendance> attendance = List.of(
                new Attendance(1, 1, 11, 101, true, 24.0), new Attendance(2, 1, 12, 101, true, 16.0),
                new Attendance(3, 1, 13, 101, true, 12.0),
                new Attendance(4, 1, 11, 102, true, 24.0), new Attendance(5, 1, 12, 102, true, 14.0),
                new Attendance(6, 1, 13, 102, true, null),
                new Attendance(7, 1, 11, 103, true, 24.0), new Attendance(8, 1, 12, 103, false, null),
                new Attendance(9, 1, 13, 103, true, 12.0),
                new Attendance(10, 1, 21, 201, true, 10.0));
        List<CostLine> costs = List.of(
                line(1, 1, "trainers", "expert_day", 5_000.0, 7.0, 0, "planned", "UE"),
                line(2, 1, "venue", "venue_day", 2_000.0, 7.0, 0, "planned", "Ministère"),
                line(3, 1, "per_diem", "participant_day", 200.0, 28.0, 0, "planned", "UE"),
                line(4, 1, "other", null, null, null, 1_400, "planned", null),
                line(5, 1, "trainers", "expert_day", 5_000.0, 7.0, 0, "actual", "UE"),
                line(6, 1, "venue", "venue_day", 2_000.0, 7.0, 0, "actual", "Ministère"),
                line(7, 1, "per_diem", "participant_day", 200.0, 19.0, 0, "actual", "UE"),
                line(8, 2, "other", "lump_sum", 10_000.0, 1.0, 0, "planned", "UE"));
        return new TrainingData(programmes, cohorts, sessions, participants, attendance, costs);
    }

    private static Participant participant(int id, int cohort, String name, String gender, String status, String certificate) {
        return new Participant(id, 1, cohort, null, null, name, null, gender, status, certificate, null, false);
    }

    private static CostLine line(int id, int cohort, String item, String unit, Double unitCost, Double units, double amount,
                                 String kind, String funding) {
        return new CostLine(id, 1, cohort, null, item, unit, unitCost, units, amount, kind, funding, null, null);
    }

    /** An expert-day line of {@code origin} (null: not stated, a line written before V28). */
    private static CostLine expert(int id, int cohort, String item, double unitCost, double units, String kind, String origin) {
        return new CostLine(id, 1, cohort, null, item, "expert_day", unitCost, units, unitCost * units, kind, "UE", null, origin);
    }

    /**
     * A 3-day seminar (9-11 March 2026, 20 h), 10 participants who all came, completed status. Planned lines:
     * <ul>
     * <li>2 Moroccan experts × 3 days × 2,500 = 6 expert-days, 15,000 MAD;</li>
     * <li>1 European expert × 3 days × 9,000 = 3 expert-days, 27,000 MAD, and his travel, 3 expert-days × 1,500 = 4,500
     * (item travel on the same 3 days: the European expert-days stay 3, the amount 27,000 + 4,500 = 31,500);</li>
     * <li>per diem 10 participants × 3 days × 200 = 6,000; the room 3 days × 1,700 = 5,100.</li>
     * </ul>
     * Total 15,000 + 31,500 + 6,000 + 5,100 = 57,600. Actual (none yet): 0.
     */
    static TrainingData seminar(CostLine... more) {
        LocalDate start = LocalDate.parse("2026-03-09");
        List<Participant> participants = new java.util.ArrayList<>();
        List<Attendance> attendance = new java.util.ArrayList<>();
        for (int p = 1; p <= 10; p++) {
            participants.add(participant(300 + p, 3, "P" + p, p % 2 == 0 ? "f" : "m", "enrolled", null));
            attendance.add(new Attendance(400 + p, 1, 31, 300 + p, true, 20.0));
        }
        List<CostLine> costs = new java.util.ArrayList<>(List.of(
                expert(1, 3, "trainers", 2_500, 6, "planned", "moroccan"),
                expert(2, 3, "trainers", 9_000, 3, "planned", "european"),
                expert(3, 3, "travel", 1_500, 3, "planned", "european"),
                line(4, 3, "per_diem", "participant_day", 200.0, 30.0, 0, "planned", "UE"),
                line(5, 3, "venue", "venue_day", 1_700.0, 3.0, 0, "planned", "Ministère")));
        costs.addAll(List.of(more));
        return new TrainingData(List.of(new Programme(3, 1, "SEM", "short_course", "Séminaire", null, null, 20.0, 20.0)),
                List.of(new Cohort(3, 1, 3, "Séminaire 1", null, start, start.plusDays(2), "Rabat", "completed", 10)),
                List.of(new Session(31, 1, 3, "Planification", start, start.plusDays(2), 20, "Rabat", "ENSP ; ILV")),
                participants, attendance, costs);
    }

    @Test
    void expertDaysAndAmountsByOriginOfAThreeDaySeminar() {
        TrainingData data = seminar();
        assertThat(TrainingFigures.cohortBudget(data, 3).planned()).isEqualTo(15_000 + 31_500 + 6_000 + 5_100.0);
        // Moroccan 2 × 3 = 6 days, 6 × 2,500 = 15,000; European 3 days (fees and travel the same days), 27,000 + 4,500
        assertThat(TrainingFigures.expertDays(data, 3)).containsExactly(
                new TrainingFigures.ExpertDays("moroccan", 6, 15_000, 0, 0),
                new TrainingFigures.ExpertDays("european", 3, 31_500, 0, 0));
        // overall = the one cohort; the plan without any expert-day origin lists both origins at 0
        assertThat(TrainingFigures.expertDays(data, null)).isEqualTo(TrainingFigures.expertDays(data, 3));
        assertThat(TrainingFigures.expertDays(plan(), 2)).containsExactly(
                new TrainingFigures.ExpertDays("moroccan", 0, 0, 0, 0), new TrainingFigures.ExpertDays("european", 0, 0, 0, 0));
    }

    /**
     * The plan's cohort 1 has expert-day lines written before V28 (no origin): 7 expert-days × 5,000 planned and
     * actual, listed as "not stated"; overall adds the seminar's Moroccan 6 days (15,000) and European 3 (31,500), and
     * its actual Moroccan line, 6 days × 2,600 = 15,600.
     */
    @Test
    void linesWrittenBeforeTheOriginAreNotStatedAndCountedApart() {
        assertThat(TrainingFigures.expertDays(plan(), 1)).containsExactly(
                new TrainingFigures.ExpertDays("moroccan", 0, 0, 0, 0), new TrainingFigures.ExpertDays("european", 0, 0, 0, 0),
                new TrainingFigures.ExpertDays(TrainingFigures.NOT_STATED, 7, 35_000, 7, 35_000));
        TrainingData seminar = seminar(expert(6, 3, "trainers", 2_600, 6, "actual", "moroccan"));
        TrainingData both = new TrainingData(plan().programmes(), plan().cohorts(), plan().sessions(), plan().participants(),
                plan().attendance(), java.util.stream.Stream.concat(plan().costs().stream(), seminar.costs().stream()).toList());
        assertThat(TrainingFigures.expertDays(both, null)).containsExactly(
                new TrainingFigures.ExpertDays("moroccan", 6, 15_000, 6, 15_600),
                new TrainingFigures.ExpertDays("european", 3, 31_500, 0, 0),
                new TrainingFigures.ExpertDays(TrainingFigures.NOT_STATED, 7, 35_000, 7, 35_000));
    }

    /**
     * The seminar as the reference (planned lines, nobody missing): 3 days, so Moroccan 6 expert-days ÷ 3 = 2 experts
     * a day at 15,000 ÷ (2 × 3) = 2,500; European 3 ÷ 3 = 1 expert at 31,500 ÷ 3 = 10,500 (fees 9,000 + travel
     * 1,500: the travel line is his, not the participants'); per diem 6,000 ÷ (10 × 3) = 200; venue 5,100 ÷ 3 = 1,700;
     * participants' travel 0. Its own shape costs 2 × 3 × 2,500 + 1 × 3 × 10,500 + 6,000 + 5,100 = 57,600.
     */
    @Test
    void theReferenceScenarioWorksBackMoroccanAndEuropeanExpertDays() {
        TrainingFigures.Reference ref = TrainingFigures.referenceScenario(seminar(), 3);
        Scenario s = ref.scenario();
        assertThat(s.seminars()).containsExactly(new Seminar(3, 20));
        assertThat(s.moroccanExperts()).isEqualTo(2);
        assertThat(s.europeanExperts()).isEqualTo(1);
        assertThat(s.costs().moroccanExpertPerDay()).isEqualTo(2_500.0);
        assertThat(s.costs().europeanExpertPerDay()).isEqualTo(10_500.0);
        assertThat(s.costs().perDiemPerDay()).isEqualTo(200.0);
        assertThat(s.costs().venuePerDay()).isEqualTo(1_700.0);
        assertThat(s.costs().travelPerTrip()).isZero();
        assertThat(ref.result().lines()).filteredOn(l -> l.line().endsWith("_experts"))
                .extracting(TrainingFigures.ScenarioLine::amount).containsExactly(15_000.0, 31_500.0);
        assertThat(ref.result().cohortTotal()).isEqualTo(57_600.0);
        assertThat(ref.result().cohortTotal()).isEqualTo(ref.figures().budget().planned());
    }

    /**
     * Only Moroccan lines that say so, plus an older trainers lump sum of 3,000 that does not: counted with the
     * Moroccan experts, 6 expert-days, 15,000 + 3,000 = 18,000 ÷ (2 × 3) = 3,000 an expert-day; no European expert,
     * whose rate starts at the Moroccan one.
     */
    @Test
    void anUnstatedTrainersLineGoesWithTheMoroccanExpertsAndNoEuropeanOneStartsAtTheirRate() {
        TrainingData data = seminar();
        List<CostLine> costs = new java.util.ArrayList<>(data.costs().subList(0, 1));
        costs.addAll(data.costs().subList(3, 5));
        costs.add(line(7, 3, "trainers", "lump_sum", 3_000.0, 1.0, 0, "planned", "UE"));
        TrainingData moroccanOnly = new TrainingData(data.programmes(), data.cohorts(), data.sessions(), data.participants(),
                data.attendance(), costs);
        Scenario s = TrainingFigures.referenceScenario(moroccanOnly, 3).scenario();
        assertThat(s.moroccanExperts()).isEqualTo(2);
        assertThat(s.europeanExperts()).isZero();
        assertThat(s.costs().moroccanExpertPerDay()).isEqualTo(3_000.0);
        assertThat(s.costs().europeanExpertPerDay()).isEqualTo(3_000.0);
        assertThat(TrainingFigures.referenceScenario(moroccanOnly, 3).result().cohortTotal())
                .isEqualTo(15_000 + 3_000 + 6_000 + 5_100.0);
    }

    @Test
    void hoursAttendedAgainstTheRequiredHours() {
        List<Progress> progress = TrainingFigures.progress(plan(), 1);
        assertThat(progress).extracting(p -> p.participant().fullName()).containsExactly("Ali", "Badia", "Chama", "Driss");
        assertThat(progress).extracting(Progress::hoursAttended).containsExactly(52.0, 50.0, 36.0, 0.0);
        assertThat(progress).allSatisfy(p -> assertThat(p.requiredHours()).isEqualTo(50.0));
        assertThat(progress).extracting(Progress::completed).containsExactly(true, true, false, false);
        assertThat(progress).extracting(Progress::certified).containsExactly(true, true, false, false);
        assertThat(TrainingFigures.completionShare(progress.get(2))).isEqualTo(36.0 / 50.0);
    }

    @Test
    void withoutRequiredOrPlannedHoursTheSessionsHoursAreRequired() {
        List<Progress> progress = TrainingFigures.progress(plan(), 2);
        assertThat(progress).singleElement().satisfies(p -> {
            assertThat(p.requiredHours()).isEqualTo(10.0);
            assertThat(p.completed()).isTrue();
            assertThat(p.certified()).isFalse();
        });
    }

    @Test
    void cohortFiguresCountCompletionCertificationAndCostPerTrainee() {
        CohortFigures f = TrainingFigures.cohortFigures(plan(), 1);
        assertThat(f.sessions()).isEqualTo(3);
        assertThat(f.sessionHours()).isEqualTo(52.0);
        assertThat(f.participants()).isEqualTo(4);
        assertThat(f.women()).isEqualTo(2);
        assertThat(f.completed()).isEqualTo(2);
        assertThat(f.certified()).isEqualTo(2);
        assertThat(f.meanHoursAttended()).isEqualTo(34.5);
        assertThat(f.budget()).isEqualTo(new Budget(56_000, 52_800, true));
        assertThat(f.completionRate()).isEqualTo(0.5);
        assertThat(f.costPerTrainee()).isEqualTo(13_200.0);
        assertThat(f.costPerCompleted()).isEqualTo(26_400.0);

        CohortFigures planned = TrainingFigures.cohortFigures(plan(), 2);
        assertThat(planned.budget()).isEqualTo(new Budget(10_000, 0, false));
        assertThat(planned.costPerTrainee()).isEqualTo(10_000.0);
    }

    @Test
    void programmeFiguresSumTheirCohorts() {
        var programmes = TrainingFigures.programmeFigures(plan());
        assertThat(programmes).hasSize(2);
        assertThat(programmes.get(0).participants()).isEqualTo(4);
        assertThat(programmes.get(0).completed()).isEqualTo(2);
        assertThat(programmes.get(0).costPerCompleted()).isEqualTo(26_400.0);
        assertThat(programmes.get(1).completionRate()).isEqualTo(1.0);
        assertThat(programmes.get(1).costPerTrainee()).isEqualTo(10_000.0);
    }

    /**
     * A programme with a cohort held (actual 52,800, 4 participants) and a cohort planned (10,000, 1 participant): the
     * cost is each cohort's own basis, 52,800 + 10,000 = 62,800, i.e. 12,560 per trainee; not the actual total alone
     * divided by every participant.
     */
    @Test
    void aProgrammesCostAddsEachCohortsOwnBasis() {
        TrainingData plan = plan();
        TrainingData oneProgramme = new TrainingData(plan.programmes(), List.of(plan.cohorts().get(0),
                new Cohort(2, 1, 1, "MBA 2", null, D.plusYears(1), D.plusYears(1), "Fès", "planned", 10)),
                plan.sessions(), plan.participants(), plan.attendance(), plan.costs());
        var mba = TrainingFigures.programmeFigures(oneProgramme).getFirst();
        assertThat(mba.budget()).isEqualTo(new Budget(66_000, 52_800, true));
        assertThat(mba.cost()).isEqualTo(62_800.0);
        assertThat(mba.costPerTrainee()).isEqualTo(12_560.0);
    }

    @Test
    void costTotalsByProgrammeYearRegionAndFundingLine() {
        TrainingData plan = plan();
        assertThat(TrainingFigures.costTotals(plan, CostAxis.PROGRAMME)).containsExactly(
                new CostTotal("MBA", new Budget(56_000, 52_800, true)), new CostTotal("SC", new Budget(10_000, 0, false)));
        assertThat(TrainingFigures.costTotals(plan, CostAxis.YEAR)).extracting(CostTotal::key).containsExactly("2026", "2027");
        assertThat(TrainingFigures.costTotals(plan, CostAxis.REGION)).extracting(CostTotal::key).containsExactly("3", "");
        assertThat(TrainingFigures.costTotals(plan, CostAxis.COHORT)).extracting(CostTotal::key).containsExactly("1", "2");
        // UE: 35,000 + 5,600 + 10,000 planned, 35,000 + 3,800 actual; Ministère 14,000 both; no line: the lump 1,400
        assertThat(TrainingFigures.costTotals(plan, CostAxis.FUNDING_LINE)).containsExactly(
                new CostTotal("UE", new Budget(50_600, 38_800, true)),
                new CostTotal("Ministère", new Budget(14_000, 14_000, true)),
                new CostTotal("", new Budget(1_400, 0, false)));
    }

    /**
     * One seminar of 3 days (24 h), 20 enrolled, 1 Moroccan and 1 European expert a day. Everyone comes: per diem
     * 20 × 3 days × 200 = 12,000; nights 20 × 2 × 400 = 16,000; trips 20 × 500 = 10,000; experts 3 × 5,000 + 3 × 12,000
     * = 51,000; venue 3 × 2,000 = 6,000; materials 20 × 300 = 6,000; tuition 20 × 1,000 = 20,000: 121,000 a cohort,
     * 6,050 a trainee; two cohorts 242,000.
     */
    private static final UnitCosts UNIT = new UnitCosts(200, 400, 500, 5_000, 12_000, 2_000, 300, 1_000);

    @Test
    void perDiemOverAMultiDaySeminarPaysEveryDayAndOneNightLess() {
        ScenarioResult r = TrainingFigures.scenario(new Scenario(2, 20, 0, List.of(new Seminar(3, 24)), 1, 1, UNIT));
        assertThat(r.lines().get(0).units()).isEqualTo(60.0);
        assertThat(r.lines().get(0).amount()).isEqualTo(12_000.0);
        assertThat(r.lines().get(1).units()).isEqualTo(40.0);
        assertThat(r.lines().get(1).amount()).isEqualTo(16_000.0);
        assertThat(r.cohortTotal()).isEqualTo(121_000.0);
        assertThat(r.total()).isEqualTo(242_000.0);
        assertThat(r.costPerTrainee()).isEqualTo(6_050.0);
        assertThat(r.costPerCompleted()).isEqualTo(6_050.0);
        assertThat(r.hours()).isEqualTo(24.0);
    }

    /**
     * Five no-shows of 20: per diem 15 × 3 × 200 = 9,000, nights 15 × 2 × 400 = 12,000, trips 7,500; experts, venue,
     * materials and tuition unchanged (51,000 + 6,000 + 6,000 + 20,000): 111,500, i.e. 7,433.33 per completed trainee
     * against 6,050 when all come.
     */
    @Test
    void noShowsRaiseTheCostPerCompletedTraineeBecauseFixedCostsDoNotShrink() {
        ScenarioResult r = TrainingFigures.scenario(new Scenario(1, 20, 5, List.of(new Seminar(3, 24)), 1, 1, UNIT));
        assertThat(r.cohortTotal()).isEqualTo(111_500.0);
        assertThat(r.costPerCompleted()).isCloseTo(7_433.33, within(0.01));
        assertThat(r.costPerCompleted()).isGreaterThan(6_050.0);
        assertThat(r.costPerTrainee()).isEqualTo(5_575.0);
    }

    @Test
    void theMbaPatternIsSixSeminarsOfTwoToThreeDaysOverOneHundredSixtyHours() {
        ScenarioResult r = TrainingFigures.scenario(new Scenario(3, 40, 0, TrainingFigures.MBA_PATTERN, 1, 1, UNIT));
        assertThat(TrainingFigures.MBA_PATTERN).hasSize(6).allSatisfy(s -> assertThat(s.days()).isBetween(2, 3));
        assertThat(r.hours()).isEqualTo(163.0).isGreaterThan(160.0);
        assertThat(r.days()).isEqualTo(17);
        // 40 × 17 × 200 + 40 × 11 × 400 + 40 × 6 × 500 + 17 × 17,000 + 17 × 2,000 + 40 × 300 + 40 × 1,000
        double cohort = 136_000 + 176_000 + 120_000 + 289_000 + 34_000 + 12_000 + 40_000;
        assertThat(r.cohortTotal()).isEqualTo(cohort);
        assertThat(r.total()).isEqualTo(3 * cohort);
    }

    /**
     * Seminars of different lengths, "3,3,2,2,3,2": 15 days, 9 nights, 6 trips; two cohorts of 20 with 2 no-shows, one
     * Moroccan (5,000 a day) and one European expert (12,000 a day). Per diem 18 × 15 × 200 = 54,000; nights
     * 18 × 9 × 400 = 64,800; trips 18 × 6 × 500 = 54,000; Moroccan 15 × 5,000 = 75,000; European 15 × 12,000 =
     * 180,000; venue 15 × 2,000 = 30,000; materials 20 × 300 = 6,000; tuition 20 × 1,000 = 20,000: 483,800 a cohort,
     * 967,600 for two; 24,190 per enrolled, 483,800 ÷ 18 = 26,877.78 per completed participant.
     */
    @Test
    void seminarsOfDifferentLengthsWithMoroccanAndEuropeanExperts() {
        List<Integer> days = TrainingFigures.seminarDays("3,3,2,2,3,2");
        assertThat(days).containsExactly(3, 3, 2, 2, 3, 2);
        List<Seminar> seminars = days.stream().map(d -> new Seminar(d, 8.0 * d)).toList();
        ScenarioResult r = TrainingFigures.scenario(new Scenario(2, 20, 2, seminars, 1, 1, UNIT));
        assertThat(r.lines()).extracting(TrainingFigures.ScenarioLine::line).containsExactlyElementsOf(TrainingFigures.SCENARIO_LINES);
        assertThat(r.lines()).extracting(TrainingFigures.ScenarioLine::amount)
                .containsExactly(54_000.0, 64_800.0, 54_000.0, 75_000.0, 180_000.0, 30_000.0, 6_000.0, 20_000.0);
        assertThat(r.days()).isEqualTo(15);
        assertThat(r.hours()).isEqualTo(120.0);
        assertThat(r.cohortTotal()).isEqualTo(483_800.0);
        assertThat(r.total()).isEqualTo(967_600.0);
        assertThat(r.costPerTrainee()).isEqualTo(24_190.0);
        assertThat(r.costPerCompleted()).isCloseTo(26_877.78, within(0.01));
    }

    @Test
    void seminarDaysAreWholePositiveNumbersSeparatedByCommasOrSpaces() {
        assertThat(TrainingFigures.seminarDays("3; 2 + 2 3")).containsExactly(3, 2, 2, 3);
        assertThat(TrainingFigures.seminarDays(" ")).isNull();
        assertThat(TrainingFigures.seminarDays("3,0,2")).isNull();
        assertThat(TrainingFigures.seminarDays("3,2.5")).isNull();
        assertThat(TrainingFigures.seminarDays("trois")).isNull();
    }

    /**
     * Cohort 1 as the reference (actual lines): 3 seminars of 3, 2 and 2 days (7 days, 4 nights), 4 enrolled of whom
     * 2 completed (2 no-shows). Per diem 3,800 ÷ (2 × 7) = 271.43 a day; trainers 35,000 ÷ 7 = 5,000 an expert-day
     * (both rates); venue 14,000 ÷ 7 = 2,000; no accommodation, travel, materials or tuition lines: 0. Its own
     * shape costs what it cost, 52,800: 13,200 per enrolled, 26,400 per completed participant, as its figures say.
     */
    @Test
    void theReferenceScenarioCostsWhatTheReferenceCohortCost() {
        TrainingFigures.Reference ref = TrainingFigures.referenceScenario(plan(), 1);
        Scenario s = ref.scenario();
        assertThat(s.cohorts()).isEqualTo(1);
        assertThat(s.participants()).isEqualTo(4);
        assertThat(s.noShows()).isEqualTo(2);
        assertThat(s.seminars()).containsExactly(new Seminar(3, 24), new Seminar(2, 16), new Seminar(2, 12));
        assertThat(s.moroccanExperts()).isEqualTo(1);
        assertThat(s.europeanExperts()).isZero();
        assertThat(s.costs().perDiemPerDay()).isCloseTo(271.43, within(0.01));
        assertThat(s.costs().moroccanExpertPerDay()).isEqualTo(5_000.0);
        assertThat(s.costs().europeanExpertPerDay()).isEqualTo(5_000.0);
        assertThat(s.costs().venuePerDay()).isEqualTo(2_000.0);
        assertThat(s.costs().accommodationPerNight()).isZero();
        assertThat(s.costs().tuitionPerParticipant()).isZero();
        assertThat(ref.result().cohortTotal()).isCloseTo(52_800.0, within(1e-6));
        assertThat(ref.result().costPerTrainee()).isCloseTo(13_200.0, within(1e-6));
        assertThat(ref.result().costPerCompleted()).isCloseTo(26_400.0, within(1e-6));
        assertThat(ref.figures().costPerCompleted()).isEqualTo(26_400.0);
    }
}
