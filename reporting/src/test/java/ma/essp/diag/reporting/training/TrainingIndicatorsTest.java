package ma.essp.diag.reporting.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.repository.ReportSourceData.Label;
import ma.essp.diag.database.repository.ReportSourceData.TrainingCohort;
import ma.essp.diag.database.repository.ReportSourceData.TrainingSession;
import ma.essp.diag.reporting.training.TrainingIndicators.Totals;
import org.junit.jupiter.api.Test;

/**
 * Two cohorts, hand-summed: 30 + 12 = 42 participants (20 + 10 graduated, 2 + 1 dropped out, 14 + 5 women),
 * 3 + 2 sessions of 72 + 40.5 hours, 4 + 1 projects (budgets: TrainingFigures.cohortBudget).
 */
class TrainingIndicatorsTest {

    private static final Label MBA = new Label("MBA-GTS", "MBA", "MBA", "MBA");

    private static TrainingCohort cohort(int id, Integer region, int participants, int graduated, int dropped, int women,
                                         int sessions, double hours, int projects) {
        return new TrainingCohort(id, "MBA-GTS", "mba", MBA, "Cohorte " + id, region, LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-12-20"), "Rabat", "ongoing", 30, participants, graduated, dropped, women, sessions,
                hours, projects);
    }

    private static final TrainingCohort A = cohort(1, 1, 30, 20, 2, 14, 3, 72, 4);
    private static final TrainingCohort B = cohort(2, null, 12, 10, 1, 5, 2, 40.5, 1);

    @Test
    void totalsSumEveryCohort() {
        assertThat(TrainingIndicators.totals(List.of(A, B)))
                .isEqualTo(new Totals(2, 42, 30, 3, 19, 5, 112.5, 5));
    }

    @Test
    void noCohortGivesZeros() {
        assertThat(TrainingIndicators.totals(List.of())).isEqualTo(new Totals(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void onlyTheSessionsOfTheChosenCohortsAreKeptInOrder() {
        TrainingSession a1 = new TrainingSession(1, "Séminaire 1", LocalDate.parse("2026-09-22"), null, 24, "Rabat", 28);
        TrainingSession c1 = new TrainingSession(3, "Autre", LocalDate.parse("2026-09-23"), null, 8, "Fès", 10);
        TrainingSession a2 = new TrainingSession(1, "Séminaire 2", LocalDate.parse("2026-10-13"), null, 24, "Rabat", 27);
        assertThat(TrainingIndicators.sessionsOf(List.of(A, B), List.of(a1, c1, a2))).containsExactly(a1, a2);
        assertThat(TrainingIndicators.sessionsOf(List.of(), List.of(a1, c1, a2))).isEmpty();
    }
}
