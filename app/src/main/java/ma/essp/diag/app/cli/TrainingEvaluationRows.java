package ma.essp.diag.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingOutcomeData;
import ma.essp.diag.reporting.training.TrainingEvaluation;
import ma.essp.diag.reporting.training.TrainingEvaluation.Summary;

/**
 * {@code figures --axis training --by evaluation}: per cohort with an evaluation, one line per evaluated session then
 * one for the cohort over all its sessions ({@code session_id} empty), from {@link TrainingEvaluation} (the Évaluation
 * tab's and the report's figures). Means with 2 decimals, empty when n is 0.
 */
final class TrainingEvaluationRows {

    static final List<String> HEADER = List.of("cohort_id", "cohort", "session_id", "session", "evaluated", "paired",
            "mean_pre", "mean_post", "mean_gain", "reactions", "mean_reaction", "level3_judged", "level3_held",
            "level3_share");

    private TrainingEvaluationRows() {
    }

    static List<List<Object>> rows(TrainingData training, TrainingOutcomeData outcomes) {
        List<List<Object>> rows = new ArrayList<>();
        for (TrainingEvaluation.CohortSummary c : TrainingEvaluation.evaluatedCohorts(training, outcomes)) {
            for (TrainingEvaluation.SessionSummary s : TrainingEvaluation.sessions(training, outcomes, c.cohort().id())) {
                if (s.summary().evaluated() > 0) {
                    rows.add(row(c.cohort(), s.session().id(), s.session().title(), s.summary()));
                }
            }
            rows.add(row(c.cohort(), null, "", c.summary()));
        }
        return rows;
    }

    private static List<Object> row(TrainingData.Cohort cohort, Integer sessionId, String session, Summary s) {
        return List.of(cohort.id(), cohort.name(), sessionId == null ? "" : sessionId, session, s.evaluated(), s.paired(),
                decimal(s.meanPre()), decimal(s.meanPost()), decimal(s.meanGain()), s.reactions(), decimal(s.meanReaction()),
                s.level3Judged(), s.level3Held(), s.level3Share() == null ? "" : String.format(Locale.ROOT, "%.4f", s.level3Share()));
    }

    private static String decimal(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }
}
