package ma.essp.diag.app.pms;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;

/**
 * The shell's fixture mission plus three assessments (catalogue version 1, general items only):
 * E001 (Tanger, pop. 30,000) everything functioning → 100; E003 (Tanger, 25,000) everything absent → 0;
 * E005 (Casablanca, 60,000) basic amenities functioning, the rest absent → 100 / 5 = 20.
 */
final class PmsFixture {

    private PmsFixture() {
    }

    static MissionFile create(Path file) throws Exception {
        MissionFile mission = FixtureMission.create(file);
        var dsl = mission.dsl();
        AssessmentRepository assessments = new AssessmentRepository(dsl, EditContext.system("test"));
        var items = dsl.select(PMS_ITEM.ID, PMS_ITEM.DOMAIN_CODE).from(PMS_ITEM)
                .where(PMS_ITEM.VERSION_ID.eq(1), PMS_ITEM.SERVICE_ID.isNull()).fetch();
        for (String code : new String[] {"E001", "E003", "E005"}) {
            int essp = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne(ESSP.ID);
            int a = assessments.start(essp, 1, LocalDate.of(2026, 3, 1), "test");
            Map<Integer, AnswerState> answers = new HashMap<>();
            for (var item : items) {
                boolean functioning = code.equals("E001") || code.equals("E005") && item.value2().equals("basic_amenities");
                answers.put(item.value1(), functioning ? AnswerState.AVAILABLE_FUNCTIONING : AnswerState.ABSENT);
            }
            assessments.answerAll(a, answers, "observed");
        }
        return mission;
    }
}
