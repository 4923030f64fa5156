package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;
import static ma.essp.diag.database.jooq.Tables.SUPERVISION_VISIT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_EVALUATION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROJECT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROJECT_MEMBER;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static org.jooq.impl.DSL.coalesce;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.essp.diag.database.jooq.tables.records.TrainingProjectRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.rules.TrainingOutcomeRules;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Reads the training outcomes ({@link TrainingOutcomeData}) and writes evaluations, sessions' target functions and
 * collective projects with their teams through {@link SyncedRows}, each checked against {@link TrainingOutcomeRules}
 * first: a broken rule throws {@link EditRuleException} whose rule is the {@link TrainingOutcomeRules.Code}'s name,
 * and nothing is written.
 */
public final class TrainingOutcomeRepository {

    private final DSLContext dsl;

    public TrainingOutcomeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public TrainingOutcomeData load() {
        var e = TRAINING_EVALUATION;
        List<TrainingOutcomeData.Evaluation> evaluations = dsl.selectFrom(e).where(e.DELETED.isFalse()).orderBy(e.ID)
                .fetch(r -> new TrainingOutcomeData.Evaluation(r.getId(), r.getVersion(), r.getSessionId(),
                        r.getParticipantId(), r.getPreScore(), r.getPostScore(), r.getReactionScore()));
        var s = TRAINING_SESSION;
        List<TrainingOutcomeData.SessionTarget> targets = dsl.select(s.ID, s.VERSION, s.TARGET_FUNCTION).from(s)
                .where(s.DELETED.isFalse()).orderBy(s.ID)
                .fetch(r -> new TrainingOutcomeData.SessionTarget(r.value1(), r.value2(), r.value3()));
        var tp = TRAINING_PARTICIPANT;
        var own = ESSP.as("own_essp");
        var ownStructure = STRUCTURE.as("own_structure");
        var sp = STAFF_POSITION;
        var staffEssp = ESSP.as("staff_essp");
        var staffStructure = STRUCTURE.as("staff_structure");
        Field<Integer> circonscription = coalesce(own.CIRCONSCRIPTION_ID, ownStructure.CIRCONSCRIPTION_ID,
                staffEssp.CIRCONSCRIPTION_ID, staffStructure.CIRCONSCRIPTION_ID);
        List<TrainingOutcomeData.ParticipantPlace> places = dsl.select(tp.ID, circonscription).from(tp)
                .leftJoin(own).on(own.ID.eq(tp.ESSP_ID))
                .leftJoin(ownStructure).on(ownStructure.ID.eq(tp.STRUCTURE_ID))
                .leftJoin(sp).on(sp.ID.eq(tp.STAFF_POSITION_ID))
                .leftJoin(staffEssp).on(staffEssp.ID.eq(sp.ESSP_ID))
                .leftJoin(staffStructure).on(staffStructure.ID.eq(sp.STRUCTURE_ID))
                .where(tp.DELETED.isFalse()).orderBy(tp.ID)
                .fetch(r -> new TrainingOutcomeData.ParticipantPlace(r.value1(), r.value2()));
        var f = CIRCONSCRIPTION_FUNCTION;
        List<TrainingOutcomeData.FunctionRecord> functions = dsl.selectFrom(f).where(f.DELETED.isFalse()).orderBy(f.ID)
                .fetch(r -> new TrainingOutcomeData.FunctionRecord(r.getCirconscriptionId(), r.getFunctionCode(), r.getHeld()));
        var v = SUPERVISION_VISIT;
        List<TrainingOutcomeData.Visit> visits = dsl.select(v.CIRCONSCRIPTION_ID, v.VISITED_ON).from(v)
                .where(v.DELETED.isFalse()).orderBy(v.VISITED_ON, v.ID)
                .fetch(r -> new TrainingOutcomeData.Visit(r.value1(), r.value2()));
        var p = TRAINING_PROJECT;
        List<TrainingOutcomeData.Project> projects = dsl.selectFrom(p).where(p.DELETED.isFalse())
                .orderBy(p.COHORT_ID, p.TITLE, p.ID)
                .fetch(r -> new TrainingOutcomeData.Project(r.getId(), r.getVersion(), r.getCohortId(), r.getTitle(),
                        r.getTheme(), r.getAxis(), r.getReform(), r.getSupervisor(), r.getDefendedOn(), r.getResult()));
        var m = TRAINING_PROJECT_MEMBER;
        List<TrainingOutcomeData.Member> members = dsl.selectFrom(m).where(m.DELETED.isFalse()).orderBy(m.PROJECT_ID, m.ID)
                .fetch(r -> new TrainingOutcomeData.Member(r.getId(), r.getVersion(), r.getProjectId(), r.getParticipantId()));
        return new TrainingOutcomeData(evaluations, targets, places, functions, visits, projects, members);
    }

    private static void check(Optional<TrainingOutcomeRules.Problem> problem) {
        problem.ifPresent(p -> {
            throw new EditRuleException(p.code().name(), "training outcome rule " + p.code() + " "
                    + java.util.Arrays.toString(p.args()));
        });
    }

    // ------------------------------------------------------------------ evaluation

    /**
     * Records a participant's scores at a session (pre- and post-test 0–100, reaction 1–5; each may be null). The
     * editor saw the row at {@code expectedVersion} (null: no live row yet).
     */
    public SyncedRows.Written setEvaluation(EditContext edit, int sessionId, int participantId, Integer expectedVersion,
                                            Double preScore, Double postScore, Double reactionScore) {
        check(TrainingOutcomeRules.score(preScore));
        check(TrainingOutcomeRules.score(postScore));
        check(TrainingOutcomeRules.reaction(reactionScore));
        var e = TRAINING_EVALUATION;
        Map<Field<?>, Object> key = new LinkedHashMap<>();
        key.put(e.SESSION_ID, sessionId);
        key.put(e.PARTICIPANT_ID, participantId);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(e.PRE_SCORE, preScore);
        values.put(e.POST_SCORE, postScore);
        values.put(e.REACTION_SCORE, reactionScore);
        return SyncedRows.upsert(dsl, edit, e, key, expectedVersion, values);
    }

    /** Soft-deletes an evaluation row (undoing its first recording); its version now. */
    public int deleteEvaluation(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, TRAINING_EVALUATION, id, expectedVersion);
    }

    /** Sets the circonscription function a session teaches (null: none); the session's version now. */
    public int setTargetFunction(EditContext edit, int sessionId, int expectedVersion, String functionCode) {
        if (functionCode != null && !ma.essp.diag.database.code.Vocabulary.CIRCONSCRIPTION_FUNCTION.contains(functionCode)) {
            throw new IllegalArgumentException("function " + functionCode);
        }
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(TRAINING_SESSION.TARGET_FUNCTION, functionCode);
        return SyncedRows.update(dsl, edit, TRAINING_SESSION, sessionId, expectedVersion, changes);
    }

    // ------------------------------------------------------------------ collective projects

    /** What the project form edits: the team is the participants' ids. */
    public record ProjectInput(String title, String theme, Integer axis, String reform, String supervisor,
                               LocalDate defendedOn, String result, List<Integer> memberIds) {

        public ProjectInput {
            memberIds = List.copyOf(new LinkedHashSet<>(memberIds));
        }
    }

    private void checkProject(int cohortId, ProjectInput in) {
        var c = TRAINING_COHORT;
        LocalDate start = dsl.select(c.STARTS_ON).from(c).where(c.ID.eq(cohortId)).fetchOne(c.STARTS_ON);
        var tp = TRAINING_PARTICIPANT;
        Set<Integer> participants = new LinkedHashSet<>(dsl.select(tp.ID).from(tp)
                .where(tp.COHORT_ID.eq(cohortId).and(tp.DELETED.isFalse())).fetch(tp.ID));
        check(TrainingOutcomeRules.project(in.title(), in.axis(), in.reform(), in.defendedOn(), in.result(), start,
                in.memberIds(), participants));
    }

    /** Adds a project to a cohort with its team; its id. */
    public int addProject(EditContext edit, int cohortId, ProjectInput in) {
        checkProject(cohortId, in);
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            TrainingProjectRecord r = t.newRecord(TRAINING_PROJECT);
            r.setCohortId(cohortId);
            apply(r, in);
            int id = SyncedRows.insert(t, edit, r);
            new TrainingOutcomeRepository(t).writeTeam(edit, id, in.memberIds());
            return id;
        });
    }

    /** Changes a project and its team, if the project is still at {@code expectedVersion}; its version now. */
    public int updateProject(EditContext edit, int id, int expectedVersion, ProjectInput in) {
        var p = TRAINING_PROJECT;
        Integer cohortId = dsl.select(p.COHORT_ID).from(p).where(p.ID.eq(id)).fetchOne(p.COHORT_ID);
        if (cohortId == null) {
            throw new IllegalArgumentException("no project " + id);
        }
        checkProject(cohortId, in);
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Map<Field<?>, Object> changes = new LinkedHashMap<>();
            changes.put(p.TITLE, in.title().strip());
            changes.put(p.THEME, blankToNull(in.theme()));
            changes.put(p.AXIS, in.axis());
            changes.put(p.REFORM, blankToNull(in.reform()));
            changes.put(p.SUPERVISOR, blankToNull(in.supervisor()));
            changes.put(p.DEFENDED_ON, in.defendedOn());
            changes.put(p.RESULT, in.result());
            int version = SyncedRows.update(t, edit, p, id, expectedVersion, changes);
            new TrainingOutcomeRepository(t).writeTeam(edit, id, in.memberIds());
            return version;
        });
    }

    private static void apply(TrainingProjectRecord r, ProjectInput in) {
        r.setTitle(in.title().strip());
        r.setTheme(blankToNull(in.theme()));
        r.setAxis(in.axis());
        r.setReform(blankToNull(in.reform()));
        r.setSupervisor(blankToNull(in.supervisor()));
        r.setDefendedOn(in.defendedOn());
        r.setResult(in.result());
    }

    /** Makes the project's live team exactly {@code memberIds}: adds (or brings back) the new, removes the others. */
    private void writeTeam(EditContext edit, int projectId, List<Integer> memberIds) {
        var m = TRAINING_PROJECT_MEMBER;
        Map<Integer, int[]> live = new LinkedHashMap<>();
        dsl.select(m.PARTICIPANT_ID, m.ID, m.VERSION).from(m).where(m.PROJECT_ID.eq(projectId).and(m.DELETED.isFalse()))
                .forEach(r -> live.put(r.value1(), new int[] {r.value2(), r.value3()}));
        Map<Integer, Integer> gone = new LinkedHashMap<>();
        live.forEach((participant, row) -> {
            if (!memberIds.contains(participant)) {
                gone.put(row[0], row[1]);
            }
        });
        SyncedRows.softDeleteAll(dsl, edit, m, gone);
        for (Integer participant : memberIds) {
            if (!live.containsKey(participant)) {
                Map<Field<?>, Object> key = new LinkedHashMap<>();
                key.put(m.PROJECT_ID, projectId);
                key.put(m.PARTICIPANT_ID, participant);
                SyncedRows.upsert(dsl, edit, m, key, null, new LinkedHashMap<>());
            }
        }
    }

    /** Soft-deletes a project (its team rows stay, hidden with it); its version now. */
    public int deleteProject(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, TRAINING_PROJECT, id, expectedVersion);
    }

    /** Brings a soft-deleted project back with its team; its version now. */
    public int restoreProject(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, TRAINING_PROJECT, id, expectedVersion);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
