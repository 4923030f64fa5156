package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.RECOMMENDATION;
import static ma.essp.diag.database.jooq.Tables.RECOMMENDATION_FINDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.FindingRepository.EvidenceDraft;
import ma.essp.diag.database.repository.FindingRepository.FindingDraft;
import ma.essp.diag.database.repository.FindingRepository.RecommendationDraft;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings, evidence links and many-to-many recommendations through the one writer; the rules refuse and write nothing. */
class FindingRepositoryTest {

    static final String AMINA = "0b6f1c7e-4a8d-4d6e-9a51-7c2f3e8d9a10";

    @TempDir
    Path dir;

    private final EditContext edit = new EditContext(AMINA, "laptop-1",
            Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));

    static FindingDraft weakness(String title) {
        return new FindingDraft(5, "essp", 1, 1, null, null, "weakness", title, "Constat", "high", null,
                LocalDate.of(2026, 11, 30));
    }

    static RecommendationDraft action(String text, Double cost) {
        return new RecommendationDraft(5, "national", null, null, text, "DRS", "drs_sres", "short", "high", cost,
                "Indice général", "readiness.general", "essp", "E001", 42.5, 70.0);
    }

    @Test
    void aFindingWithThreeKindsOfEvidenceAndARecommendationAnsweringTwoFindings() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            var dsl = mission.dsl();
            FindingRepository repo = new FindingRepository(dsl);
            int e001 = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("E001")).fetchSingle().value1();
            int first = repo.insertFinding(edit, weakness("Disponibilité faible"), List.of(
                    EvidenceDraft.figure("readiness.general", "essp", "E001", 42.5),
                    EvidenceDraft.record("essp", e001),
                    EvidenceDraft.document("Rapport de visite, 12/11/2026")));
            int second = repo.insertFinding(edit, weakness("Ruptures de médicaments"), List.of());
            int rec = repo.insertRecommendation(edit, action("Équiper les ESSP", 120_000.0), List.of(first, second));

            FindingRepository.Board board = repo.load();
            assertThat(board.findings()).hasSize(2);
            FindingRepository.Finding f = board.findings().getFirst();
            assertThat(f.writtenOn()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(f.evidence()).extracting(FindingRepository.Evidence::kind).containsExactly("figure", "record", "document");
            assertThat(f.evidence().get(0).storedValue()).isEqualTo(42.5);
            assertThat(f.evidence().get(1).recordLabel()).isEqualTo("E001 CSU Médina");
            assertThat(f.evidence().get(1).recordDeleted()).isFalse();
            assertThat(board.recommendations()).singleElement().satisfies(r -> {
                assertThat(r.findingIds()).containsExactly(first, second);
                assertThat(r.costMad()).isEqualTo(120_000.0);
                assertThat(r.indicatorBaseline()).isEqualTo(42.5);
                assertThat(r.indicatorTarget()).isEqualTo(70.0);
                assertThat(r.responsibleLevel()).isEqualTo("drs_sres");
            });

            // answers only the second finding now: the first link is soft-deleted, then restored when it comes back
            int v = repo.updateRecommendation(edit, rec, 1, action("Équiper les ESSP", 120_000.0), List.of(second));
            assertThat(repo.load().recommendations().getFirst().findingIds()).containsExactly(second);
            repo.updateRecommendation(edit, rec, v, action("Équiper les ESSP", 120_000.0), List.of(first, second));
            assertThat(repo.load().recommendations().getFirst().findingIds()).containsExactly(first, second);
            assertThat(dsl.fetchCount(RECOMMENDATION_FINDING)).isEqualTo(2);
            assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.TABLE_NAME.eq("recommendation_finding"))).isEqualTo(4);

            // the ESSP the evidence points to is deleted: the link says so, nothing fails
            dsl.execute("UPDATE essp SET deleted = 1 WHERE id = ?", e001);
            assertThat(repo.load().findings().getFirst().evidence().get(1).recordDeleted()).isTrue();
            // a record that never existed reads as deleted too
            repo.addEvidence(edit, second, EvidenceDraft.record("perpetrator_care_site", 999));
            FindingRepository.Evidence missing = repo.load().findings().get(1).evidence().getFirst();
            assertThat(missing.recordDeleted()).isTrue();
            assertThat(missing.recordLabel()).isNull();
        }
    }

    @Test
    void aRecommendationWithoutFindingOrWithANegativeCostIsRefusedAndNothingIsWritten() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            var dsl = mission.dsl();
            FindingRepository repo = new FindingRepository(dsl);
            int finding = repo.insertFinding(edit, weakness("Disponibilité faible"), List.of());
            long audit = dsl.fetchCount(AUDIT_LOG);

            assertThatThrownBy(() -> repo.insertRecommendation(edit, action("Équiper", 10.0), List.of()))
                    .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("recommendation.no_finding"));
            assertThatThrownBy(() -> repo.insertRecommendation(edit, action("Équiper", -1.0), List.of(finding)))
                    .isInstanceOfSatisfying(EditRuleException.class, e -> assertThat(e.rule()).isEqualTo("recommendation.cost_negative"));
            assertThat(dsl.fetchCount(RECOMMENDATION)).isZero();
            assertThat(dsl.fetchCount(RECOMMENDATION_FINDING)).isZero();
            assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(audit);

            int rec = repo.insertRecommendation(edit, action("Équiper", 0.0), List.of(finding));
            assertThatThrownBy(() -> repo.updateRecommendation(edit, rec, 1, action("Équiper", -5.0), List.of(finding)))
                    .isInstanceOf(EditRuleException.class);
            assertThat(dsl.fetchValue(RECOMMENDATION.COST_MAD, RECOMMENDATION.ID.eq(rec))).isEqualTo(0.0);
        }
    }

    @Test
    void movingAFindingToAnotherQuadrantIsAVersionedChange() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            FindingRepository repo = new FindingRepository(mission.dsl());
            int id = repo.insertFinding(edit, weakness("Disponibilité faible"), List.of());
            assertThat(repo.changeKind(edit, id, 1, "threat")).isEqualTo(2);
            assertThat(repo.load().findings().getFirst().kind()).isEqualTo("threat");
            assertThatThrownBy(() -> repo.changeKind(edit, id, 1, "strength")).isInstanceOf(StaleEditException.class);
        }
    }
}
