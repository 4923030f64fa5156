package ma.essp.diag.reporting.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ma.essp.diag.database.repository.TrainingData;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.database.repository.TrainingData.Session;
import ma.essp.diag.database.repository.TrainingOutcomeData;
import ma.essp.diag.database.repository.TrainingOutcomeData.Evaluation;

/**
 * The evaluation of the training sessions after Kirkpatrick, one definition for the Formation screen, the
 * {@code figures --axis training} command and the report:
 * <ul>
 * <li><b>Level 1 (reaction)</b>: the participant's satisfaction, 1–5; mean over the rows that have one.</li>
 * <li><b>Level 2 (learning)</b>: gain = post-test − pre-test (scores 0–100), for a participant with both scores; a
 * session's or cohort's mean pre, mean post and mean gain are over those <i>paired</i> rows only (so that mean gain =
 * mean post − mean pre), {@code n} their number.</li>
 * <li><b>Level 3 (behaviour)</b>: for a session teaching a circonscription function ({@code target_function}) and a
 * participant working in a circonscription: {@link Level3#HELD} when a supervision visit of that circonscription took
 * place after the session's last day and the circonscription records the function as held; {@link Level3#NOT_HELD}
 * when such a visit took place and the function is recorded partial or not held; otherwise not judged
 * ({@link Level3#NO_LATER_VISIT}, {@link Level3#NOT_RECORDED}, {@link Level3#NO_CIRCONSCRIPTION},
 * {@link Level3#NOT_TARGETED}). Share held = held ÷ (held + not held).</li>
 * </ul>
 * The participants evaluated at a session are those with an evaluation row for it.
 */
public final class TrainingEvaluation {

    private TrainingEvaluation() {
    }

    /** Where a participant stands at level 3 for a session. */
    public enum Level3 {
        HELD, NOT_HELD, NO_LATER_VISIT, NOT_RECORDED, NO_CIRCONSCRIPTION, NOT_TARGETED;

        /** Held or not held: a visit after the session saw the function. */
        public boolean judged() {
            return this == HELD || this == NOT_HELD;
        }
    }

    /** One participant at one session: the scores, the gain (null without both tests) and level 3. */
    public record ParticipantScore(Participant participant, Evaluation evaluation, Double gain, Level3 level3) {
    }

    /**
     * Pooled figures of a set of evaluation rows: {@code paired} rows with both tests, their mean pre, post and gain
     * (null when none); reaction n and mean; level 3 held among judged.
     */
    public record Summary(int evaluated, int paired, Double meanPre, Double meanPost, Double meanGain, int reactions,
                          Double meanReaction, int level3Judged, int level3Held) {

        /** Held ÷ judged; null when none judged. */
        public Double level3Share() {
            return level3Judged == 0 ? null : (double) level3Held / level3Judged;
        }
    }

    /** A session's summary. */
    public record SessionSummary(Session session, Summary summary) {
    }

    /** A cohort's summary over all its sessions' rows. */
    public record CohortSummary(TrainingData.Cohort cohort, Summary summary) {
    }

    /** The gain of one row: post − pre, null unless both are recorded. */
    public static Double gain(Evaluation e) {
        return e.preScore() != null && e.postScore() != null ? e.postScore() - e.preScore() : null;
    }

    /** Level 3 of a participant for a session. */
    public static Level3 level3(TrainingOutcomeData outcomes, Session session, int participantId) {
        return new Level3Index(outcomes).level3(session, participantId);
    }

    /**
     * The outcome rows level 3 reads, indexed once: a session's target function (the last row of the session), a
     * participant's circonscription (the last row of the participant), each circonscription's latest visit and its
     * first record of each function. {@link #scores} asks it for every evaluated participant of a session, which
     * scanned every list once per participant (issue 17: a fifth of the national report's gathering).
     */
    private static final class Level3Index {
        private final Map<Integer, String> targetBySession = new HashMap<>();
        private final Map<Integer, Integer> placeByParticipant = new HashMap<>();
        private final Map<Integer, LocalDate> latestVisit = new HashMap<>();
        private final Map<Integer, Map<String, String>> heldByPlace = new HashMap<>();

        Level3Index(TrainingOutcomeData outcomes) {
            outcomes.sessionTargets().forEach(t -> targetBySession.put(t.sessionId(), t.targetFunction()));
            outcomes.participantPlaces().forEach(p -> placeByParticipant.put(p.participantId(), p.circonscriptionId()));
            for (TrainingOutcomeData.Visit v : outcomes.visits()) {
                if (v.visitedOn() != null) {
                    latestVisit.merge(v.circonscriptionId(), v.visitedOn(), (a, b) -> b.isAfter(a) ? b : a);
                }
            }
            for (TrainingOutcomeData.FunctionRecord f : outcomes.functions()) {
                if (f.functionCode() != null) {
                    Map<String, String> held = heldByPlace.computeIfAbsent(f.circonscriptionId(), k -> new HashMap<>());
                    if (!held.containsKey(f.functionCode())) { // the first record, even one whose state is empty
                        held.put(f.functionCode(), f.held());
                    }
                }
            }
        }

        Level3 level3(Session session, int participantId) {
            String function = targetBySession.get(session.id());
            if (function == null) {
                return Level3.NOT_TARGETED;
            }
            Integer circonscription = placeByParticipant.get(participantId);
            if (circonscription == null) {
                return Level3.NO_CIRCONSCRIPTION;
            }
            LocalDate latest = latestVisit.get(circonscription);
            if (latest == null || !latest.isAfter(session.endsOn())) {
                return Level3.NO_LATER_VISIT;
            }
            Map<String, String> held = heldByPlace.getOrDefault(circonscription, Map.of());
            if (!held.containsKey(function)) {
                return Level3.NOT_RECORDED;
            }
            return "held".equals(held.get(function)) ? Level3.HELD : Level3.NOT_HELD;
        }
    }

    /** The participants evaluated at a session, in the training data's order of participants. */
    public static List<ParticipantScore> scores(TrainingData training, TrainingOutcomeData outcomes, Session session) {
        Map<Integer, Evaluation> byParticipant = new HashMap<>();
        outcomes.evaluations().stream().filter(e -> e.sessionId() == session.id())
                .forEach(e -> byParticipant.put(e.participantId(), e));
        List<ParticipantScore> out = new ArrayList<>();
        Level3Index level3 = byParticipant.isEmpty() ? null : new Level3Index(outcomes);
        for (Participant p : training.participants()) {
            Evaluation e = byParticipant.get(p.id());
            if (e != null) {
                out.add(new ParticipantScore(p, e, gain(e), level3.level3(session, p.id())));
            }
        }
        return out;
    }

    /** Pools rows into a {@link Summary}. */
    public static Summary summarise(List<ParticipantScore> rows) {
        int paired = 0;
        double pre = 0;
        double post = 0;
        int reactions = 0;
        double reaction = 0;
        int judged = 0;
        int held = 0;
        for (ParticipantScore r : rows) {
            Evaluation e = r.evaluation();
            if (r.gain() != null) {
                paired++;
                pre += e.preScore();
                post += e.postScore();
            }
            if (e.reactionScore() != null) {
                reactions++;
                reaction += e.reactionScore();
            }
            if (r.level3().judged()) {
                judged++;
                held += r.level3() == Level3.HELD ? 1 : 0;
            }
        }
        Double meanPre = paired == 0 ? null : pre / paired;
        Double meanPost = paired == 0 ? null : post / paired;
        return new Summary(rows.size(), paired, meanPre, meanPost, paired == 0 ? null : meanPost - meanPre, reactions,
                reactions == 0 ? null : reaction / reactions, judged, held);
    }

    /** Every session of the cohort (by date) with its summary, evaluated or not. */
    public static List<SessionSummary> sessions(TrainingData training, TrainingOutcomeData outcomes, int cohortId) {
        return TrainingFigures.sessionsOf(training, cohortId).stream()
                .map(s -> new SessionSummary(s, summarise(scores(training, outcomes, s)))).toList();
    }

    /** Every session of the mission with an evaluation row, in the training data's order, with its summary. */
    public static List<SessionSummary> evaluatedSessions(TrainingData training, TrainingOutcomeData outcomes) {
        Set<Integer> evaluated = outcomes.evaluations().stream().map(Evaluation::sessionId).collect(Collectors.toSet());
        return training.sessions().stream().filter(s -> evaluated.contains(s.id()))
                .map(s -> new SessionSummary(s, summarise(scores(training, outcomes, s)))).toList();
    }

    /** A cohort pooled over all its sessions' rows (a participant counts once per session). */
    public static Summary cohort(TrainingData training, TrainingOutcomeData outcomes, int cohortId) {
        List<ParticipantScore> all = new ArrayList<>();
        for (Session s : TrainingFigures.sessionsOf(training, cohortId)) {
            all.addAll(scores(training, outcomes, s));
        }
        return summarise(all);
    }

    /** Every cohort with at least one evaluation row, in the training data's order. */
    public static List<CohortSummary> evaluatedCohorts(TrainingData training, TrainingOutcomeData outcomes) {
        List<CohortSummary> out = new ArrayList<>();
        for (TrainingData.Cohort c : training.cohorts()) {
            Summary s = cohort(training, outcomes, c.id());
            if (s.evaluated() > 0) {
                out.add(new CohortSummary(c, s));
            }
        }
        return out;
    }
}
