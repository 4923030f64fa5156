package ma.essp.diag.database.repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The training plan as recorded (schema V1 tables, V9 columns), live rows only: what the training figures
 * ({@code reporting.training.TrainingFigures}), the Formation screens and the {@code figures --axis training} command
 * read. Loaded by {@link TrainingRepository#load()}.
 */
public record TrainingData(List<Programme> programmes, List<Cohort> cohorts, List<Session> sessions,
                           List<Participant> participants, List<Attendance> attendance, List<CostLine> costs) {

    public TrainingData {
        programmes = List.copyOf(programmes);
        cohorts = List.copyOf(cohorts);
        sessions = List.copyOf(sessions);
        participants = List.copyOf(participants);
        attendance = List.copyOf(attendance);
        costs = List.copyOf(costs);
    }

    /** {@code requiredHours}: what a participant must attend to complete (V9); null when not set. */
    public record Programme(int id, int version, String code, String kind, String titleFr, String titleEn, String titleAr,
                            Double plannedHours, Double requiredHours) {
    }

    /** {@code regionId} null: a national cohort. */
    public record Cohort(int id, int version, int programmeId, String name, Integer regionId, LocalDate startsOn,
                         LocalDate endsOn, String place, String status, Integer seats) {
    }

    public record Session(int id, int version, int cohortId, String title, LocalDate startsOn, LocalDate endsOn,
                          double hours, String place, String trainers) {
    }

    /** {@code staffDeleted}: picked from a staff record since deleted (the participant is kept and shown as such). */
    public record Participant(int id, int version, int cohortId, Integer staffPositionId, Integer structureId,
                              String fullName, String jobTitle, String gender, String status, String certificateNumber,
                              LocalDate certifiedOn, boolean staffDeleted) {
    }

    public record Attendance(int id, int version, int sessionId, int participantId, boolean present, Double hoursAttended) {
    }

    /**
     * A cost line: {@code unit} (participant_day, expert_day, venue_day, participant, lump_sum; null before V9),
     * {@code unitCostMad} × {@code units} when both are given, else {@code amountMad}; {@code kind} planned or actual;
     * {@code expertOrigin} (V28) whose experts an expert-day line pays, moroccan or european, null when not stated (a
     * line written before V28) and on any other unit.
     */
    public record CostLine(int id, int version, int cohortId, Integer sessionId, String item, String unit,
                           Double unitCostMad, Double units, double amountMad, String kind, String fundingLine,
                           String notes, String expertOrigin) {
    }
}
