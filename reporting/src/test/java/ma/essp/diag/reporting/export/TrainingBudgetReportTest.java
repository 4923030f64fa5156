package ma.essp.diag.reporting.export;

import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COST;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingCostRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingParticipantRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.reporting.training.TrainingFigures;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's cohort budget is the screen's (TrainingFigures.cohortBudget), worked by hand with the cost items.
 * A national cohort of 20 participants, one seminar of 3 days, planned:
 * <pre>
 *   accommodation   600 MAD × 60 participant-days (20 × 3)   36,000
 *   per diem        250 MAD × 60 participant-days            15,000
 *   travel band     400 MAD × 20 participants                  8,000
 *   Moroccan expert 3,000 MAD × 3 expert-days                  9,000
 *   European expert 8,000 MAD × 3 expert-days                 24,000
 *   venue           5,000 MAD × 3 days                        15,000
 *   materials       150 MAD × 20 participants                  3,000
 *   tuition         2,500 MAD × 20 participants               50,000
 *                                                   total    160,000  = 8,000 per participant
 * </pre>
 * Actual: a lump sum written before V9 (12,345, no unit) and the accommodation of the 18 who came: 600 × 54 = 32,400,
 * whose stored amount was left at the planned 36,000 by an older writer. The old report path summed the stored amounts
 * (12,345 + 36,000 = 48,345); the one path gives 12,345 + 32,400 = 44,745 on the screen and in the report alike.
 * <p>The experts by origin (V28), in the report as on the screen: Moroccan 3 expert-days, 9,000; European 3, 24,000;
 * nothing actual; the scope's total the same (one cohort).
 */
class TrainingBudgetReportTest {

    @TempDir
    Path dir;

    @Test
    void theReportBudgetIsTheScreenBudgetWorkedByHand() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            TrainingProgrammeRecord p = dsl.newRecord(TRAINING_PROGRAMME);
            p.setCode("MBA");
            p.setKind("mba");
            p.setTitleFr("MBA en management territorial de la santé");
            int programme = SyncedRows.insert(dsl, edit, p);
            TrainingCohortRecord c = dsl.newRecord(TRAINING_COHORT);
            c.setProgrammeId(programme);
            c.setName("MBA cohorte 2");
            c.setStartsOn(LocalDate.parse("2027-01-10"));
            c.setEndsOn(LocalDate.parse("2027-05-30"));
            int cohort = SyncedRows.insert(dsl, edit, c);
            for (int i = 1; i <= 20; i++) {
                TrainingParticipantRecord who = dsl.newRecord(TRAINING_PARTICIPANT);
                who.setCohortId(cohort);
                who.setFullName("Participant " + i);
                SyncedRows.insert(dsl, edit, who);
            }
            cost(dsl, edit, cohort, "accommodation", "participant_day", 600.0, 60.0, 36_000, "planned", null);
            cost(dsl, edit, cohort, "per_diem", "participant_day", 250.0, 60.0, 15_000, "planned", null);
            cost(dsl, edit, cohort, "travel", "participant", 400.0, 20.0, 8_000, "planned", null);
            cost(dsl, edit, cohort, "trainers", "expert_day", 3_000.0, 3.0, 9_000, "planned", "moroccan");
            cost(dsl, edit, cohort, "trainers", "expert_day", 8_000.0, 3.0, 24_000, "planned", "european");
            cost(dsl, edit, cohort, "venue", "venue_day", 5_000.0, 3.0, 15_000, "planned", null);
            cost(dsl, edit, cohort, "materials", "participant", 150.0, 20.0, 3_000, "planned", null);
            cost(dsl, edit, cohort, "tuition", "participant", 2_500.0, 20.0, 50_000, "planned", null);
            cost(dsl, edit, cohort, "other", null, null, null, 12_345, "actual", null);
            cost(dsl, edit, cohort, "accommodation", "participant_day", 600.0, 54.0, 36_000, "actual", null);

            TrainingFigures.Budget screen = TrainingFigures.cohortBudget(new TrainingRepository(dsl).load(), cohort);
            assertThat(screen.planned()).isCloseTo(160_000, within(1e-6));
            assertThat(screen.actual()).isCloseTo(44_745, within(1e-6));
            assertThat(TrainingFigures.per(screen.planned(), 20)).isCloseTo(8_000, within(1e-6));

            ReportData data = ReportDataCollector.load(dsl).collect(ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR));
            ReportData.CohortRow row = data.cohorts().stream().filter(r -> r.name().equals("MBA cohorte 2")).findFirst().orElseThrow();
            assertThat(row.plannedBudget()).isCloseTo(160_000, within(1e-6));
            assertThat(row.actualBudget()).as("not the stored 48,345").isCloseTo(44_745, within(1e-6));
            assertThat(data.trainingExperts()).containsExactly(
                    new ReportData.ExpertRow("MBA cohorte 2", "experts marocains", 3, 9_000, 0, 0),
                    new ReportData.ExpertRow("MBA cohorte 2", "experts européens", 3, 24_000, 0, 0),
                    new ReportData.ExpertRow(null, "experts marocains", 3, 9_000, 0, 0),
                    new ReportData.ExpertRow(null, "experts européens", 3, 24_000, 0, 0));
        }
    }

    private static void cost(DSLContext dsl, EditContext edit, int cohort, String item, String unit, Double unitCost,
                             Double units, double storedAmount, String kind, String expertOrigin) {
        TrainingCostRecord k = dsl.newRecord(TRAINING_COST);
        k.setCohortId(cohort);
        k.setItem(item);
        k.setUnit(unit);
        k.setUnitCostMad(unitCost);
        k.setUnits(units);
        k.setAmountMad(storedAmount);
        k.setKind(kind);
        k.setExpertOrigin(expertOrigin);
        SyncedRows.insert(dsl, edit, k);
    }
}
