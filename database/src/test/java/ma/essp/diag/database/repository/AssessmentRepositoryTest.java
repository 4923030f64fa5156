package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.AssessmentAnswerRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentRepositoryTest {

    @TempDir
    Path dir;

    private static int essp(DSLContext dsl, EditContext edit) {
        var c = dsl.newRecord(CIRCONSCRIPTION);
        c.setProvinceId(1);
        c.setCode("C1");
        c.setNameFr("C1");
        c.setMilieu("rural");
        edit.stampNew(c).store();
        var e = dsl.newRecord(ESSP);
        e.setCode("E1");
        e.setNameFr("E1");
        e.setCategoryCode("CSR-1");
        e.setCirconscriptionId(c.getId());
        e.setMilieu("rural");
        edit.stampNew(e).store();
        return e.getId();
    }

    @Test
    void anIncompleteAssessmentIsSavedAndResumed() throws Exception {
        Path file = dir.resolve("m.essp");
        EditContext edit = EditContext.system("amina");
        int assessmentId;
        int item;
        try (MissionFile mission = MissionFile.create(file)) {
            AssessmentRepository repo = new AssessmentRepository(mission.dsl(), edit);
            CatalogueVersionRepository catalogue = new CatalogueVersionRepository(mission.dsl(), edit);
            assessmentId = repo.start(essp(mission.dsl(), edit), 1, LocalDate.of(2026, 3, 2), "Amina");
            item = catalogue.itemIds(1).get("AM01");
            repo.answer(assessmentId, item, AnswerState.AVAILABLE_FUNCTIONING, "observed", null);
            repo.answer(assessmentId, catalogue.itemIds(1).get("AM02"), AnswerState.ABSENT, "reported", "puits à sec");
            repo.setOffered(assessmentId, catalogue.serviceIds(1).get("ANC"), null, true);
            assertThat(repo.progress(assessmentId).answered()).isEqualTo(2);
        }
        // closed and reopened: everything is there, still in progress
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            AssessmentRepository repo = new AssessmentRepository(mission.dsl(), EditContext.system("youssef"));
            AssessmentRepository.Sheet sheet = repo.load(assessmentId).orElseThrow();
            assertThat(sheet.header().status()).isEqualTo(AssessmentRepository.IN_PROGRESS);
            assertThat(sheet.answers()).hasSize(2);
            assertThat(sheet.answers().get(item).state()).isEqualTo(AnswerState.AVAILABLE_FUNCTIONING);
            assertThat(sheet.services()).containsValue(true);
            // 53 in-scope general items (malaria out of scope) + 12 ANC items, offered
            assertThat(repo.progress(assessmentId)).isEqualTo(new AssessmentRepository.Progress(2, 53 + 12));

            // changing an answer bumps the row version and stamps who changed it; an unchanged answer does not
            repo.answer(assessmentId, item, AnswerState.AVAILABLE_NOT_FUNCTIONING, "observed", null);
            repo.answer(assessmentId, item, AnswerState.AVAILABLE_NOT_FUNCTIONING, "observed", null);
            AssessmentAnswerRecord row = mission.dsl().selectFrom(ASSESSMENT_ANSWER)
                    .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_ANSWER.ITEM_ID.eq(item)).fetchOne();
            assertThat(row.getVersion()).isEqualTo(2);
            assertThat(row.getUpdatedBy()).isEqualTo("youssef");
            repo.answerAll(assessmentId, Map.of(item, AnswerState.MISSING), "observed");
            assertThat(repo.progress(assessmentId).answered()).isEqualTo(1);
            repo.complete(assessmentId, repo.load(assessmentId).orElseThrow().header().version());
            assertThat(repo.load(assessmentId).orElseThrow().header().status()).isEqualTo(AssessmentRepository.COMPLETE);
        }
    }

    @Test
    void severalAssessmentsOverTimeLatestFirstDeletedOnesHidden() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("h.essp"))) {
            EditContext edit = EditContext.system("test");
            AssessmentRepository repo = new AssessmentRepository(mission.dsl(), edit);
            int essp = essp(mission.dsl(), edit);
            int first = repo.start(essp, 1, LocalDate.of(2025, 4, 1), null);
            int third = repo.start(essp, 1, LocalDate.of(2026, 6, 1), null);
            int second = repo.start(essp, 1, LocalDate.of(2025, 11, 1), null);
            assertThat(repo.history(essp)).extracting(AssessmentRepository.Header::id).containsExactly(third, second, first);
            assertThat(repo.latest(essp).orElseThrow().id()).isEqualTo(third);
            repo.delete(third, repo.load(third).orElseThrow().header().version());
            assertThat(repo.latest(essp).orElseThrow().id()).isEqualTo(second);
            assertThat(repo.load(third)).isEmpty();
            // the same rule in the readiness loader
            assertThat(new ReadinessDataRepository(mission.dsl()).load().assessments())
                    .singleElement().satisfies(a -> assertThat(a.id()).isEqualTo(second));
        }
    }
}
