package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.ReadinessData.Assessment;
import ma.essp.diag.database.repository.ReadinessDataRepository.AssessmentSelection;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness loader reads each answer's state and source back exactly as saved (its scan packs them in one column). */
class ReadinessDataRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void everyStateAndSourceComesBackAsSaved() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("m.essp"))) {
            EditContext edit = EditContext.system("amina");
            AssessmentRepository repo = new AssessmentRepository(mission.dsl(), edit);
            Map<String, Integer> items = new CatalogueVersionRepository(mission.dsl(), edit).itemIds(1);
            int esspId = essp(mission.dsl(), edit);
            int older = repo.start(esspId, 1, LocalDate.of(2026, 1, 5), "Amina");
            repo.answer(older, items.get("AM01"), AnswerState.ABSENT, "observed", null);
            int latest = repo.start(esspId, 1, LocalDate.of(2026, 3, 2), "Amina");
            repo.answer(latest, items.get("AM01"), AnswerState.AVAILABLE_FUNCTIONING, "observed", null);
            repo.answer(latest, items.get("AM02"), AnswerState.ABSENT, "reported", null);
            repo.answer(latest, items.get("AM03"), AnswerState.AVAILABLE_NOT_FUNCTIONING, "reported", null);
            repo.answer(latest, items.get("AM04"), AnswerState.NOT_APPLICABLE, null, null);
            repo.answer(latest, items.get("AM05"), AnswerState.MISSING, "observed", null);
            Assessment read = new ReadinessDataRepository(mission.dsl()).load(AssessmentSelection.LATEST).assessments()
                    .getFirst();

            assertThat(read.id()).isEqualTo(latest);
            Answers answers = read.answers();
            assertThat(answers.get(items.get("AM01"))).isEqualTo(AnswerState.AVAILABLE_FUNCTIONING);
            assertThat(answers.reported(items.get("AM01"))).isFalse();
            assertThat(answers.get(items.get("AM02"))).isEqualTo(AnswerState.ABSENT);
            assertThat(answers.reported(items.get("AM02"))).isTrue();
            assertThat(answers.get(items.get("AM03"))).isEqualTo(AnswerState.AVAILABLE_NOT_FUNCTIONING);
            assertThat(answers.reported(items.get("AM03"))).isTrue();
            assertThat(answers.get(items.get("AM04"))).isEqualTo(AnswerState.NOT_APPLICABLE);
            assertThat(answers.reported(items.get("AM04"))).isFalse();
            assertThat(answers.get(items.get("AM05"))).isEqualTo(AnswerState.MISSING);
            assertThat(answers.get(items.get("AM06"))).isEqualTo(AnswerState.MISSING);
        }
    }

    /**
     * The answers are read in one scan in the file's order and the selected assessment's kept: rows saved out of item
     * order and interleaved with an older assessment's, a deleted answer, all come back as the latest assessment's
     * answers sorted by item, the older one's dropped (worked out by hand: AM01 N/A, AM02 functioning, AM03 not
     * functioning reported, AM05 absent; AM04 deleted, so missing; four answers).
     */
    @Test
    void answersSavedOutOfOrderAndInterleavedComeBackSortedForTheSelectedAssessmentOnly() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("m.essp"))) {
            EditContext edit = EditContext.system("amina");
            AssessmentRepository repo = new AssessmentRepository(mission.dsl(), edit);
            Map<String, Integer> items = new CatalogueVersionRepository(mission.dsl(), edit).itemIds(1);
            int esspId = essp(mission.dsl(), edit);
            int older = repo.start(esspId, 1, LocalDate.of(2026, 1, 5), "Amina");
            int latest = repo.start(esspId, 1, LocalDate.of(2026, 3, 2), "Amina");
            repo.answer(latest, items.get("AM05"), AnswerState.ABSENT, "observed", null);
            repo.answer(older, items.get("AM01"), AnswerState.ABSENT, "observed", null);
            repo.answer(latest, items.get("AM04"), AnswerState.ABSENT, "observed", null);
            repo.answer(latest, items.get("AM03"), AnswerState.AVAILABLE_NOT_FUNCTIONING, "reported", null);
            repo.answer(older, items.get("AM06"), AnswerState.AVAILABLE_FUNCTIONING, "observed", null);
            repo.answer(latest, items.get("AM01"), AnswerState.NOT_APPLICABLE, null, null);
            repo.answer(latest, items.get("AM02"), AnswerState.AVAILABLE_FUNCTIONING, "observed", null);
            mission.dsl().update(ASSESSMENT_ANSWER).set(ASSESSMENT_ANSWER.DELETED, true)
                    .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(latest)).and(ASSESSMENT_ANSWER.ITEM_ID.eq(items.get("AM04")))
                    .execute();

            var assessments = new ReadinessDataRepository(mission.dsl()).load(AssessmentSelection.LATEST).assessments();

            assertThat(assessments).extracting(Assessment::id).containsExactly(latest);
            Answers answers = assessments.getFirst().answers();
            assertThat(answers.size()).isEqualTo(4);
            assertThat(answers.toMap().keySet()).containsExactly(items.get("AM01"), items.get("AM02"), items.get("AM03"),
                    items.get("AM05"));
            assertThat(answers.get(items.get("AM01"))).isEqualTo(AnswerState.NOT_APPLICABLE);
            assertThat(answers.get(items.get("AM02"))).isEqualTo(AnswerState.AVAILABLE_FUNCTIONING);
            assertThat(answers.get(items.get("AM03"))).isEqualTo(AnswerState.AVAILABLE_NOT_FUNCTIONING);
            assertThat(answers.reported(items.get("AM03"))).isTrue();
            assertThat(answers.get(items.get("AM04"))).isEqualTo(AnswerState.MISSING);
            assertThat(answers.get(items.get("AM05"))).isEqualTo(AnswerState.ABSENT);
            assertThat(answers.reported(items.get("AM05"))).isFalse();
            assertThat(answers.get(items.get("AM06"))).isEqualTo(AnswerState.MISSING);
        }
    }

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
}
