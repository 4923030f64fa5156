package ma.essp.diag.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Attendance;
import ma.essp.diag.database.repository.TrainingData.Cohort;
import ma.essp.diag.database.repository.TrainingData.CostLine;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.database.repository.TrainingData.Programme;
import ma.essp.diag.database.repository.TrainingData.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budget scenario without a window, English. Reference cohort: two seminars of 3 days (1–3 March, 5–7 April,
 * 10 h each), 20 h required, 4 participants of whom 3 attend both (completed) and 1 only the first: 1 counts as a
 * no-show ({@code TrainingFigures.referenceScenario}), 3 come. Its actual lines: per diem 300 × 24 = 7,200 (÷ 3 × 6
 * days = 400); accommodation lump sum 8,000 (÷ 3 × 4 nights = 666.67); travel 200 × 8 = 1,600 (÷ 3 × 2 trips =
 * 266.67); trainers 2,000 × 6 = 12,000 (÷ 6 days = 2,000, both rates); venue 1,000 × 6 = 6,000 (1,000); materials
 * 150 × 4 = 600 (150); tuition 5,000 × 4 = 20,000 (5,000); total 55,400, per participant 13,850, per completed
 * 55,400 ÷ 3 = 18,467. A planned tuition line of 99,999 is ignored (the cohort has actual lines).
 * <p>
 * Scenario 2 cohorts × 20 participants, none absent, 6 seminars of 3 days (18 days, 12 nights, 6 trips each), rates
 * 300, 500, 200: per diem 20 × 18 × 300 = 108,000; accommodation 20 × 12 × 500 = 120,000; travel 20 × 6 × 200 =
 * 24,000; Moroccan expert 18 × 2,000 = 36,000; venue 18 × 1,000 = 18,000; materials 20 × 150 = 3,000; tuition
 * 20 × 5,000 = 100,000 → one cohort 409,000, total 818,000, per participant 20,450 = per completed. With 5 no-shows:
 * per diem 15 × 18 × 300 = 81,000, accommodation 90,000, travel 18,000, the rest 157,000 → 346,000, per completed
 * 346,000 ÷ 15 = 23,067.
 */
class TrainingScenarioViewModelTest {

    private TrainingScenarioViewModel vm;
    private TrainingData data;

    @BeforeEach
    void setUp() {
        Programme programme = new Programme(1, 1, "MBA", "mba", "MBA", "MBA", "MBA", 20.0, 20.0);
        Cohort cohort = new Cohort(1, 1, 1, "MBA 2027", null, LocalDate.parse("2027-03-01"), LocalDate.parse("2027-04-30"),
                "Rabat", "completed", 25);
        Cohort other = new Cohort(2, 1, 1, "Other", null, null, null, null, "planned", null);
        List<Session> sessions = List.of(
                new Session(1, 1, 1, "S1", LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-03"), 10, "Rabat", ""),
                new Session(2, 1, 1, "S2", LocalDate.parse("2027-04-05"), LocalDate.parse("2027-04-07"), 10, "Rabat", ""));
        List<Participant> participants = new ArrayList<>();
        List<Attendance> attendance = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            participants.add(new Participant(p, 1, 1, null, null, "P" + p, "", "f", "enrolled", null, null, false));
            attendance.add(new Attendance(10 + p, 1, 1, p, true, null));
            attendance.add(new Attendance(20 + p, 1, 2, p, p != 4, null));
        }
        List<CostLine> costs = List.of(
                cost(1, "per_diem", "participant_day", 300.0, 24.0, 0),
                cost(2, "accommodation", null, null, null, 8000),
                cost(3, "travel", "participant", 200.0, 8.0, 0),
                cost(4, "trainers", "expert_day", 2000.0, 6.0, 0),
                cost(5, "venue", "venue_day", 1000.0, 6.0, 0),
                cost(6, "materials", "participant", 150.0, 4.0, 0),
                cost(7, "tuition", "participant", 5000.0, 4.0, 0),
                new CostLine(8, 1, 1, null, "tuition", null, null, null, 99999, "planned", null, null, null),
                new CostLine(9, 1, 2, null, "tuition", null, null, null, 777, "actual", null, null, null));
        data = new TrainingData(List.of(programme), List.of(cohort, other), sessions, participants, attendance, costs);
        vm = new TrainingScenarioViewModel(new I18n(Locale.ENGLISH));
        vm.show(data, 1);
    }

    private static CostLine cost(int id, String item, String unit, Double unitCost, Double units, double amount) {
        return new CostLine(id, 1, 1, null, item, unit, unitCost, units, amount, "actual", null, null, null);
    }

    @Test
    void defaultsComeFromTheReferenceCohortsActualLinesAndReproduceItsCost() {
        assertThat(vm.referenceProperty().get()).isEqualTo("MBA 2027");
        assertThat(vm.cohortsProperty().get()).isEqualTo("1");
        assertThat(vm.participantsProperty().get()).isEqualTo("4");
        assertThat(vm.noShowsProperty().get()).isEqualTo("1");
        assertThat(vm.seminarDaysProperty().get()).isEqualTo("3,3");
        assertThat(vm.moroccanExpertsProperty().get()).isEqualTo("1");
        assertThat(vm.europeanExpertsProperty().get()).isEqualTo("0");
        assertThat(TrainingScenarioViewModel.ITEMS.stream().map(i -> vm.unitCostProperty(i).get()).toList())
                .containsExactly("400", "666.67", "266.67", "2,000", "2,000", "1,000", "150", "5,000");
        assertThat(vm.refParticipantsProperty().get()).isEqualTo("4");
        assertThat(vm.refTotalProperty().get()).isEqualTo("55,400 MAD");
        assertThat(vm.refPerParticipantProperty().get()).isEqualTo("13,850 MAD");
        assertThat(vm.refPerCompletedProperty().get()).isEqualTo("18,467 MAD");
        // the reference's own shape costs what the reference cost (to the rounding of the typed unit costs)
        assertThat(vm.scenarioCohortTotalProperty().get()).isEqualTo("55,400 MAD");
        assertThat(vm.scenarioPerParticipantProperty().get()).isEqualTo("13,850 MAD");
        assertThat(vm.scenarioPerCompletedProperty().get()).isEqualTo("18,467 MAD");
    }

    @Test
    void unitCostsAreShownAndReadWithTheFrenchDecimalComma() {
        TrainingScenarioViewModel fr = new TrainingScenarioViewModel(new I18n(Locale.FRENCH));
        fr.show(data, 1);
        assertThat(fr.unitCostProperty("accommodation").get()).isEqualTo("666,67");
        assertThat(fr.unitCostProperty("moroccan_experts").get()).isEqualTo("2\u202F000");
        assertThat(fr.scenarioCohortTotalProperty().get()).isEqualTo(fr.refTotalProperty().get());
        fr.unitCostProperty("accommodation").set("726,36");
        assertThat(fr.unitCostErrorProperty("accommodation").get()).isEmpty();
        // 3 × 4 nights × (726.36 − 666.67) = 716.28 more than 55,400.06: 56,116.34 → 56 116
        assertThat(fr.scenarioCohortTotalProperty().get()).isEqualTo(new I18n(Locale.FRENCH).get("training.mad", "56\u202F116"));
    }

    @Test
    void twoCohortsOfTwentyCostedByHand() {
        vm.cohortsProperty().set("2");
        vm.participantsProperty().set("20");
        vm.noShowsProperty().set("0");
        vm.seminarDaysProperty().set("3,3,3,3,3,3");
        vm.unitCostProperty("per_diem").set("300");
        vm.unitCostProperty("accommodation").set("500");
        vm.unitCostProperty("travel").set("200");
        assertThat(vm.scenarioParticipantsProperty().get()).isEqualTo("40");
        assertThat(vm.scenarioCohortTotalProperty().get()).isEqualTo("409,000 MAD");
        assertThat(vm.scenarioTotalProperty().get()).isEqualTo("818,000 MAD");
        assertThat(vm.scenarioPerParticipantProperty().get()).isEqualTo("20,450 MAD");
        assertThat(vm.scenarioPerCompletedProperty().get()).isEqualTo("20,450 MAD");
        vm.noShowsProperty().set("5");
        assertThat(vm.scenarioCohortTotalProperty().get()).isEqualTo("346,000 MAD");
        assertThat(vm.scenarioPerCompletedProperty().get()).isEqualTo("23,067 MAD");
        vm.noShowsProperty().set("0");
        // a typed unit cost: tuition 4,000 → one cohort 409,000 − 20 × 1,000 = 389,000
        vm.unitCostProperty("tuition").set("4,000");
        assertThat(vm.scenarioCohortTotalProperty().get()).isEqualTo("389,000 MAD");
        assertThat(vm.scenarioTotalProperty().get()).isEqualTo("778,000 MAD");
    }

    /**
     * Seminars "3,3,2,2,3,2" (15 days, 9 nights, 6 trips), one cohort of 20, one Moroccan (2,000) and one European
     * expert (12,000) a day: per diem 20 × 15 × 300 = 90,000; accommodation 20 × 9 × 500 = 90,000; travel 20 × 6 × 200
     * = 24,000; Moroccan 15 × 2,000 = 30,000; European 15 × 12,000 = 180,000; venue 15,000; materials 3,000; tuition
     * 100,000 → 532,000, 26,600 per participant. The chart pairs it with the reference's 55,400.
     */
    @Test
    void seminarsOfDifferentLengthsAndAEuropeanExpert() {
        vm.participantsProperty().set("20");
        vm.noShowsProperty().set("0");
        vm.seminarDaysProperty().set("3,3,2,2,3,2");
        vm.europeanExpertsProperty().set("1");
        vm.unitCostProperty("european_experts").set("12000");
        vm.unitCostProperty("per_diem").set("300");
        vm.unitCostProperty("accommodation").set("500");
        vm.unitCostProperty("travel").set("200");
        assertThat(vm.scenarioCohortTotalProperty().get()).isEqualTo("532,000 MAD");
        assertThat(vm.scenarioPerParticipantProperty().get()).isEqualTo("26,600 MAD");
        assertThat(vm.chart()).extracting(TrainingScenarioViewModel.Bar::key).containsExactly("training.scenario.out.cohortTotal",
                "training.scenario.out.total", "training.scenario.out.perParticipant", "training.scenario.out.perCompleted");
        assertThat(vm.chart().get(0).reference()).isEqualTo(55_400.0);
        assertThat(vm.chart().get(0).scenario()).isCloseTo(532_000.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(vm.chart().get(2).reference()).isEqualTo(13_850.0);
        vm.seminarDaysProperty().set("3,,x");
        assertThat(vm.seminarDaysErrorProperty().get()).isNotEmpty();
        assertThat(vm.chart()).isEmpty();
        vm.noShowsProperty().set("21");
        assertThat(vm.noShowsErrorProperty().get()).isEqualTo("No more no-shows than participants.");
    }

    @Test
    void badInputShowsItsMessageAndNoFigures() {
        vm.participantsProperty().set("0");
        assertThat(vm.participantsErrorProperty().get()).isEqualTo("Enter a whole number greater than zero.");
        assertThat(vm.scenarioTotalProperty().get()).isEqualTo("—");
        vm.participantsProperty().set("2.5");
        assertThat(vm.participantsErrorProperty().get()).isNotEmpty();
        vm.participantsProperty().set("20");
        assertThat(vm.participantsErrorProperty().get()).isEmpty();
        vm.unitCostProperty("venue").set("-5");
        assertThat(vm.unitCostErrorProperty("venue").get()).isEqualTo("Enter an amount of zero or more.");
        assertThat(vm.scenarioTotalProperty().get()).isEqualTo("—");
        vm.unitCostProperty("venue").set("abc");
        assertThat(vm.unitCostErrorProperty("venue").get()).isNotEmpty();
        vm.unitCostProperty("venue").set("1000");
        assertThat(vm.unitCostErrorProperty("venue").get()).isEmpty();
        assertThat(vm.cohortsErrorProperty().get()).isEmpty();
        // 1 cohort of 20 (1 no-show: 19 come), 2 seminars of 3 days (6 days, 4 nights, 2 trips): per diem 19 × 6 × 400
        // = 45,600; accommodation 19 × 4 × 666.67 = 50,666.92; travel 19 × 2 × 266.67 = 10,133.46; expert 6 × 2,000 =
        // 12,000; venue 6,000; materials 3,000; tuition 100,000 → 227,400.38
        assertThat(vm.scenarioTotalProperty().get()).isEqualTo("227,400 MAD");
    }

    @Test
    void withoutACohortEverythingIsCleared() {
        vm.show(data, null);
        assertThat(vm.referenceProperty().get()).isEmpty();
        assertThat(vm.cohortsProperty().get()).isEmpty();
        assertThat(vm.scenarioTotalProperty().get()).isEqualTo("—");
    }
}
