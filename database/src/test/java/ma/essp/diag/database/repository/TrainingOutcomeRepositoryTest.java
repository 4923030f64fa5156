package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.SUPERVISION_VISIT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_EVALUATION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROJECT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROJECT_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.jooq.tables.records.SupervisionVisitRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.TrainingOutcomeRepository.ProjectInput;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluations, target functions and projects are written through SyncedRows after their rules; a broken rule is
 * refused with its code and nothing is written; what level 3 reads (the participant's circonscription through the
 * staff record's ESSP, the circonscription's functions and visits) is loaded.
 */
class TrainingOutcomeRepositoryTest {

    private static final LocalDate JAN_18 = LocalDate.parse("2027-01-18");

    @TempDir
    Path dir;

    private static String rule(Runnable write) {
        try {
            write.run();
        } catch (EditRuleException e) {
            return e.rule();
        }
        throw new AssertionError("no rule broken");
    }

    @Test
    void evaluationsTargetsAndProjectsAreCheckedThenWritten() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            TrainingProgrammeRecord programme = dsl.newRecord(TRAINING_PROGRAMME);
            programme.setCode("MBA");
            programme.setKind("mba");
            programme.setTitleFr("MBA");
            int programmeId = SyncedRows.insert(dsl, edit, programme);
            TrainingCohortRecord cohort = dsl.newRecord(TRAINING_COHORT);
            cohort.setProgrammeId(programmeId);
            cohort.setName("Cohorte 2");
            cohort.setStartsOn(JAN_18);
            cohort.setEndsOn(JAN_18.plusMonths(3));
            int cohortId = SyncedRows.insert(dsl, edit, cohort);
            var esspRow = dsl.selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
            StaffPositionRecord staff = dsl.newRecord(STAFF_POSITION);
            staff.setEsspId(esspRow.getId());
            staff.setCadreCode("nurse");
            staff.setHolderName("Amina Alaoui");
            int staffId = SyncedRows.insert(dsl, edit, staff);
            TrainingRepository training = new TrainingRepository(dsl);
            int s1 = training.addSession(edit, cohortId, "S1", JAN_18, JAN_18.plusDays(2), 24.0, "ENSP", "X");
            int amina = training.addParticipant(edit, cohortId, staffId, "Amina Alaoui", null, "f");
            int karim = training.addParticipant(edit, cohortId, null, "Karim B.", null, "m");
            TrainingOutcomeRepository outcomes = new TrainingOutcomeRepository(dsl);

            // scores: 0-100 and 1-5, else refused and nothing written
            assertThat(rule(() -> outcomes.setEvaluation(edit, s1, amina, null, 40.0, 120.0, null))).isEqualTo("SCORE_OUT_OF_RANGE");
            assertThat(rule(() -> outcomes.setEvaluation(edit, s1, amina, null, 40.0, 70.0, 6.0))).isEqualTo("REACTION_OUT_OF_RANGE");
            assertThat(dsl.fetchCount(TRAINING_EVALUATION)).isZero();
            SyncedRows.Written first = outcomes.setEvaluation(edit, s1, amina, null, 40.0, null, 4.0);
            SyncedRows.Written second = outcomes.setEvaluation(edit, s1, amina, first.version(), 40.0, 70.0, 4.0);
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.version()).isEqualTo(2);

            // the session's target function, and what level 3 reads
            int sessionVersion = dsl.select(ma.essp.diag.database.jooq.Tables.TRAINING_SESSION.VERSION)
                    .from(ma.essp.diag.database.jooq.Tables.TRAINING_SESSION)
                    .where(ma.essp.diag.database.jooq.Tables.TRAINING_SESSION.ID.eq(s1)).fetchOne().value1();
            outcomes.setTargetFunction(edit, s1, sessionVersion, "planning");
            SupervisionVisitRecord visit = dsl.newRecord(SUPERVISION_VISIT);
            visit.setCirconscriptionId(esspRow.getCirconscriptionId());
            visit.setEsspId(esspRow.getId());
            visit.setVisitedOn(JAN_18.plusMonths(2));
            SyncedRows.insert(dsl, edit, visit);
            TrainingOutcomeData data = outcomes.load();
            assertThat(data.evaluations()).singleElement().satisfies(e -> {
                assertThat(e.preScore()).isEqualTo(40.0);
                assertThat(e.postScore()).isEqualTo(70.0);
                assertThat(e.reactionScore()).isEqualTo(4.0);
            });
            assertThat(data.sessionTargets()).singleElement().satisfies(t -> assertThat(t.targetFunction()).isEqualTo("planning"));
            assertThat(data.participantPlaces()).extracting(TrainingOutcomeData.ParticipantPlace::circonscriptionId)
                    .containsExactly(esspRow.getCirconscriptionId(), null);
            assertThat(data.visits()).extracting(TrainingOutcomeData.Visit::visitedOn).contains(JAN_18.plusMonths(2));
            assertThat(data.functions()).hasSize(dsl.fetchCount(CIRCONSCRIPTION_FUNCTION, CIRCONSCRIPTION_FUNCTION.DELETED.isFalse()));

            // projects: a title, a theme linked to an axis or a reform, defended within the cohort, a team of its own
            assertThat(rule(() -> outcomes.addProject(edit, cohortId, new ProjectInput("P", null, null, null, null, null,
                    "pending", List.of())))).isEqualTo("THEME_LINK_REQUIRED");
            assertThat(rule(() -> outcomes.addProject(edit, cohortId, new ProjectInput("P", null, 9, null, null, null,
                    "pending", List.of())))).isEqualTo("AXIS_OUT_OF_RANGE");
            assertThat(rule(() -> outcomes.addProject(edit, cohortId, new ProjectInput("P", null, 1, null, null,
                    JAN_18.minusDays(1), "passed", List.of())))).isEqualTo("DEFENCE_BEFORE_COHORT");
            assertThat(rule(() -> outcomes.addProject(edit, cohortId, new ProjectInput("P", null, 1, null, null, null,
                    "passed", List.of())))).isEqualTo("RESULT_WITHOUT_DEFENCE");
            assertThat(rule(() -> outcomes.addProject(edit, cohortId, new ProjectInput("P", null, 1, null, null, null,
                    "pending", List.of(amina, 999_999))))).isEqualTo("MEMBER_NOT_IN_COHORT");
            assertThat(dsl.fetchCount(TRAINING_PROJECT)).isZero();
            int project = outcomes.addProject(edit, cohortId, new ProjectInput("Plan de la circonscription", "planification",
                    1, null, "Pr. Idrissi", null, "pending", List.of(amina)));
            assertThat(outcomes.load().members()).extracting(TrainingOutcomeData.Member::participantId).containsExactly(amina);

            // edit: the team becomes Karim alone (Amina's row soft-deleted), defended and passed
            int v2 = outcomes.updateProject(edit, project, 1, new ProjectInput("Plan de la circonscription", "planification",
                    null, "gst", "Pr. Idrissi", JAN_18.plusMonths(3), "passed", List.of(karim)));
            assertThat(v2).isEqualTo(2);
            TrainingOutcomeData after = outcomes.load();
            assertThat(after.projects()).singleElement().satisfies(p -> {
                assertThat(p.axis()).isNull();
                assertThat(p.reform()).isEqualTo("gst");
                assertThat(p.result()).isEqualTo("passed");
                assertThat(p.defendedOn()).isEqualTo(JAN_18.plusMonths(3));
            });
            assertThat(after.members()).extracting(TrainingOutcomeData.Member::participantId).containsExactly(karim);
            // Amina back in the team: her old row comes back (no second row for the same pair)
            int v3 = outcomes.updateProject(edit, project, v2, new ProjectInput("Plan de la circonscription", "planification",
                    null, "gst", "Pr. Idrissi", JAN_18.plusMonths(3), "passed", List.of(karim, amina)));
            assertThat(dsl.fetchCount(TRAINING_PROJECT_MEMBER)).isEqualTo(2);
            assertThat(outcomes.load().members()).hasSize(2);
            // only the team changed: the project row keeps its version
            assertThat(v3).isEqualTo(v2);

            // delete and restore
            int deleted = outcomes.deleteProject(edit, project, v3);
            assertThat(outcomes.load().projects()).isEmpty();
            outcomes.restoreProject(edit, project, deleted);
            assertThat(outcomes.load().projects()).hasSize(1);
        }
    }
}
