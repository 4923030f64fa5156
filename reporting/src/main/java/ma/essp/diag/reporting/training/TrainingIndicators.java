package ma.essp.diag.reporting.training;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ma.essp.diag.database.repository.ReportSourceData.TrainingCohort;
import ma.essp.diag.database.repository.ReportSourceData.TrainingSession;

/**
 * Training (MBA and other programmes of the territorial managers) indicators: the one definition that the report
 * (workbook and PDF) and any screen or command use. The caller chooses the cohorts (a scope).
 *
 * <p>The per-cohort figures are read as the mission records them ({@code ReportSourceRepository}):
 * <ul>
 * <li><b>Participants</b>: every participant enrolled in the cohort, whatever their status; <b>graduated</b> and
 * <b>dropped out</b>: those with that status; <b>women</b>: participants of gender {@code f}.</li>
 * <li><b>Sessions</b> and <b>hours</b>: the cohort's sessions and their summed planned hours.</li>
 * <li>Budgets are not counted here: {@link TrainingFigures#cohortBudget} is the one cost path (screen, CLI, report).</li>
 * <li><b>Projects</b>: the cohort's participant projects. <b>Present</b> (per session): attendance rows marked
 * present.</li>
 * </ul>
 * Over a set of cohorts ({@link Totals}) each figure is summed; the sessions listed are those of the chosen cohorts
 * ({@link #sessionsOf}).
 */
public final class TrainingIndicators {

    private TrainingIndicators() {
    }

    /** Sums over a set of cohorts. */
    public record Totals(int cohorts, int participants, int graduated, int droppedOut, int women, int sessions,
                         double hours, int projects) {
    }

    public static Totals totals(List<TrainingCohort> cohorts) {
        int participants = 0;
        int graduated = 0;
        int droppedOut = 0;
        int women = 0;
        int sessions = 0;
        double hours = 0;
        int projects = 0;
        for (TrainingCohort c : cohorts) {
            participants += c.participants();
            graduated += c.graduated();
            droppedOut += c.droppedOut();
            women += c.women();
            sessions += c.sessions();
            hours += c.hours();
            projects += c.projects();
        }
        return new Totals(cohorts.size(), participants, graduated, droppedOut, women, sessions, hours, projects);
    }

    /** The sessions that belong to one of the given cohorts, in the order given. */
    public static List<TrainingSession> sessionsOf(List<TrainingCohort> cohorts, List<TrainingSession> sessions) {
        Set<Integer> ids = new HashSet<>();
        cohorts.forEach(c -> ids.add(c.id()));
        return sessions.stream().filter(s -> ids.contains(s.cohortId())).toList();
    }
}
