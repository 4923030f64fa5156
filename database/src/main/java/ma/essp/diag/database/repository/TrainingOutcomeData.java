package ma.essp.diag.database.repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The training plan's outcomes as recorded (V19), live rows only: the evaluation of each participant at each session
 * (pre/post test, reaction), what level 3 is read from (each session's target function, each participant's
 * circonscription, the functions the circonscriptions record and their supervision visits), and the collective
 * projects with their teams. Loaded by {@link TrainingOutcomeRepository#load()}; read by
 * {@code reporting.training.TrainingEvaluation} and {@code TrainingProjects}.
 */
public record TrainingOutcomeData(List<Evaluation> evaluations, List<SessionTarget> sessionTargets,
                                  List<ParticipantPlace> participantPlaces, List<FunctionRecord> functions,
                                  List<Visit> visits, List<Project> projects, List<Member> members) {

    public TrainingOutcomeData {
        evaluations = List.copyOf(evaluations);
        sessionTargets = List.copyOf(sessionTargets);
        participantPlaces = List.copyOf(participantPlaces);
        functions = List.copyOf(functions);
        visits = List.copyOf(visits);
        projects = List.copyOf(projects);
        members = List.copyOf(members);
    }

    /** Pre/post-test scores 0–100 and reaction 1–5 of one participant at one session; each may be null. */
    public record Evaluation(int id, int version, int sessionId, int participantId, Double preScore, Double postScore,
                             Double reactionScore) {
    }

    /** A session's target function (circonscription function code; null: not evaluated at level 3) and its version. */
    public record SessionTarget(int sessionId, int version, String targetFunction) {
    }

    /**
     * The circonscription a participant works in: their ESSP's, or their structure's (a circonscription office), or
     * their staff record's; null when none (a regional or central manager).
     */
    public record ParticipantPlace(int participantId, Integer circonscriptionId) {
    }

    /** What a circonscription records for one function: held, partial or not_held. */
    public record FunctionRecord(int circonscriptionId, String functionCode, String held) {
    }

    /** A supervision visit of a circonscription. */
    public record Visit(int circonscriptionId, LocalDate visitedOn) {
    }

    /** A collective project; {@code axis} 1–7 and {@code reform} (V19) link its theme. */
    public record Project(int id, int version, int cohortId, String title, String theme, Integer axis, String reform,
                          String supervisor, LocalDate defendedOn, String result) {
    }

    /** A participant in a project's team. */
    public record Member(int id, int version, int projectId, int participantId) {
    }
}
