package ma.essp.diag.database.repository;

import ma.essp.diag.database.testing.FixtureMission;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PMS_SERVICE_REQUIREMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueVersionRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void draftCompareAndPublish() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("c.essp"))) {
            var dsl = mission.dsl();
            CatalogueVersionRepository repo = new CatalogueVersionRepository(dsl, EditContext.system("test"));
            CatalogueSnapshot v1 = repo.snapshot(1);
            assertThat(v1.items()).hasSize(189);
            assertThat(v1.services()).hasSize(17);

            int v2 = repo.draftFrom(1, "PMS v0.2");
            assertThat(repo.version(v2).status()).isEqualTo(CatalogueVersionRepository.DRAFT);
            assertThat(repo.version(v2).basedOnId()).isEqualTo(1);
            assertThat(repo.snapshot(v2)).isEqualTo(v1);
            assertThat(repo.compare(1, v2).isEmpty()).isTrue();

            // edit the draft: relabel one item, soft-delete another, change a requirement
            dsl.update(PMS_ITEM).set(PMS_ITEM.LABEL_FR, "Électricité (sans coupure > 2 h)")
                    .where(PMS_ITEM.VERSION_ID.eq(v2), PMS_ITEM.CODE.eq("AM01")).execute();
            dsl.update(PMS_ITEM).set(PMS_ITEM.DELETED, true).where(PMS_ITEM.VERSION_ID.eq(v2), PMS_ITEM.CODE.eq("MD24")).execute();
            int ancV2 = repo.serviceIds(v2).get("ANC");
            dsl.update(PMS_SERVICE_REQUIREMENT).set(PMS_SERVICE_REQUIREMENT.REQUIREMENT, "required")
                    .where(PMS_SERVICE_REQUIREMENT.SERVICE_ID.eq(ancV2), PMS_SERVICE_REQUIREMENT.CATEGORY_CODE.eq("DR")).execute();
            CatalogueDiff diff = repo.compare(1, v2);
            assertThat(diff.changes()).containsExactlyInAnyOrder(
                    new CatalogueDiff.Change(CatalogueDiff.Entity.ITEM, CatalogueDiff.Kind.CHANGED, "AM01", java.util.List.of("label_fr")),
                    new CatalogueDiff.Change(CatalogueDiff.Entity.ITEM, CatalogueDiff.Kind.REMOVED, "MD24", java.util.List.of()),
                    new CatalogueDiff.Change(CatalogueDiff.Entity.REQUIREMENT, CatalogueDiff.Kind.CHANGED, "ANC/DR",
                            java.util.List.of("requirement")));

            repo.publish(v2, repo.version(v2).version(), LocalDate.of(2026, 5, 1));
            assertThat(repo.version(v2).published()).isTrue();
            assertThat(repo.version(v2).publishedOn()).isEqualTo(LocalDate.of(2026, 5, 1));
            assertThatThrownBy(() -> repo.publish(v2, repo.version(v2).version(), LocalDate.of(2026, 5, 2))).isInstanceOf(IllegalStateException.class);
            // the source version is untouched
            assertThat(repo.snapshot(1)).isEqualTo(v1);
        }
    }

    @Test
    void aNewAssessmentTakesThePublishedVersionElseTheOneInUseNeverAFreshDraft() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("n.essp"))) {
            var dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            CatalogueVersionRepository repo = new CatalogueVersionRepository(dsl, edit);
            // only the starting draft: it is the one
            assertThat(repo.versionForNewAssessment()).isEqualTo(1);
            int v2 = repo.draftFrom(1, "PMS v0.2");
            // nothing published, nothing assessed: still the first version, not the draft being edited
            assertThat(repo.versionForNewAssessment()).isEqualTo(1);
            int essp = dsl.select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                    .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq("E001")).fetchOne().value1();
            new AssessmentRepository(dsl, edit).start(essp, v2, LocalDate.of(2026, 3, 1), "test");
            // assessments already use v2: new ones follow them
            assertThat(repo.versionForNewAssessment()).isEqualTo(v2);
            int v3 = repo.draftFrom(v2, "PMS v0.3");
            assertThat(repo.versionForNewAssessment()).isEqualTo(v2);
            repo.publish(v3, repo.version(v3).version(), LocalDate.of(2026, 4, 1));
            assertThat(repo.versionForNewAssessment()).isEqualTo(v3);
            repo.draftFrom(v3, "PMS v0.4");
            assertThat(repo.versionForNewAssessment()).isEqualTo(v3);
        }
    }
}
