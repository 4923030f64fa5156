package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.FindingRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code essp-diag figures --axis findings}: E001 assessed with every general item available (general index 100 by
 * hand), a finding citing it at 80 (so changed: flagged), another with a document only; one recommendation.
 */
class FindingsFiguresCommandTest {

    @TempDir
    Path dir;

    private Path mission() throws Exception {
        Path file = dir.resolve("m.essp");
        try (MissionFile mission = FixtureMission.create(file)) {
            var dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            int essp = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("E001")).fetchOne(ESSP.ID);
            AssessmentRepository assessments = new AssessmentRepository(dsl, edit);
            int a = assessments.start(essp, 1, LocalDate.of(2026, 3, 1), "test");
            Map<Integer, AnswerState> answers = new HashMap<>();
            dsl.select(PMS_ITEM.ID).from(PMS_ITEM).where(PMS_ITEM.VERSION_ID.eq(1), PMS_ITEM.SERVICE_ID.isNull())
                    .forEach(r -> answers.put(r.value1(), AnswerState.AVAILABLE_FUNCTIONING));
            assessments.answerAll(a, answers, "observed");
            FindingRepository repo = new FindingRepository(dsl);
            int flagged = repo.insertFinding(edit, new FindingRepository.FindingDraft(5, "essp", null, null, null, essp,
                    "weakness", "Disponibilité à E001", null, "high", null, LocalDate.of(2026, 11, 2)),
                    List.of(FindingRepository.EvidenceDraft.figure("readiness.general", "essp", "E001", 80.0)));
            int plain = repo.insertFinding(edit, new FindingRepository.FindingDraft(3, "national", null, null, null, null,
                    "threat", "Réclamations", null, "low", null, null),
                    List.of(FindingRepository.EvidenceDraft.document("Rapport 2025")));
            repo.insertRecommendation(edit, new FindingRepository.RecommendationDraft(5, "national", null, null,
                    "Équiper E001", null, "delegation", "short", "high", 1500.0, "Indice général", null, null, null, 80.0, 90.0),
                    List.of(flagged, plain));
        }
        return file;
    }

    @Test
    void findingsWithTheirEvidenceValuesAndTheReviewFlag() throws Exception {
        Path file = mission();
        IndicesCommandTest.Run run = IndicesCommandTest.run("figures", file.toString(), "--axis", "findings");
        assertThat(run.exit()).as(run.err()).isZero();
        List<Map<String, String>> rows = IndicesCommandTest.parseCsv(run.out());
        assertThat(rows).hasSize(2);
        // findings by axis: the complaints finding (axis 3) comes before the readiness one (axis 5)
        assertThat(rows).extracting(r -> r.get("title")).containsExactly("Réclamations", "Disponibilité à E001");
        Map<String, String> first = rows.get(1);
        assertThat(first.get("stored_value")).isEqualTo("80");
        assertThat(first.get("current_value")).isEqualTo("100");
        assertThat(first.get("evidence_state")).isEqualTo("changed");
        assertThat(first.get("needs_review")).isEqualTo("true");
        assertThat(rows.getFirst().get("evidence_state")).isEqualTo("document");
        assertThat(rows.getFirst().get("needs_review")).isEqualTo("false");
        assertThat(first.get("recommendation_ids")).isEqualTo(rows.getFirst().get("recommendation_ids")).isNotEmpty();

        IndicesCommandTest.Run recs = IndicesCommandTest.run("figures", file.toString(), "--axis", "findings",
                "--table", "recommendations");
        Map<String, String> rec = IndicesCommandTest.parseCsv(recs.out()).getFirst();
        assertThat(rec.get("cost_mad")).isEqualTo("1500");
        assertThat(rec.get("responsible_level")).isEqualTo("delegation");
        assertThat(rec.get("finding_ids").split(" ")).hasSize(2);
        assertThat(rec.get("a_finding_needs_review")).isEqualTo("true");

        Path json = dir.resolve("out/findings.json");
        IndicesCommandTest.Run j = IndicesCommandTest.run("figures", file.toString(), "--axis", "findings", "--format", "json",
                "--out", json.toString());
        assertThat(j.exit()).isZero();
        assertThat(Files.readString(json)).contains("\"stored_value\": 80, \"current_value\": 100")
                .contains("\"needs_review\": true").contains("\"cost_mad\": 1500");
    }

    @Test
    void aMissionWithoutFindingsExitsWithOneAndAnUnknownTableWithTwo() throws Exception {
        Path file = dir.resolve("empty.essp");
        FixtureMission.create(file).close();
        IndicesCommandTest.Run run = IndicesCommandTest.run("figures", file.toString(), "--axis", "findings");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no finding in the mission");
        IndicesCommandTest.Run bad = IndicesCommandTest.run("figures", file.toString(), "--axis", "findings", "--table", "x");
        assertThat(bad.exit()).isEqualTo(2);
    }
}
