package ma.essp.diag.database.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsspDetailRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void loadsIdentityChainStaffAndVisitsOfOneEssp() throws Exception {
        try (RegistryFixture f = new RegistryFixture(dir)) {
            int essp = f.essps.create(RegistryFixture.draft("01571-0001", "CSU Souika", f.urban, 35.57, -5.37));
            new StaffRepository(f.mission.dsl(), f.edit).createAll(List.of(
                    new StaffRepository.PositionDraft(essp, null, "nurse", "ministry", "filled", 1, "f", null, null, null)));
            new CirconscriptionOrganisationRepository(f.mission.dsl(), f.edit).addVisit(f.urban, essp, LocalDate.of(2025, 5, 2),
                    "IC", "registers up to date");
            var detail = new EsspDetailRepository(f.mission.dsl(), f.edit).load(essp, LocalDate.of(2026, 1, 1)).orElseThrow();
            assertThat(detail.essp().values().nameFr()).isEqualTo("CSU Souika");
            assertThat(detail.chain().provinceFr()).isEqualTo("Tétouan");
            assertThat(detail.chain().gst()).isPresent();
            assertThat(detail.staff()).hasSize(1);
            assertThat(detail.visits()).singleElement().extracting(EsspDetailRepository.SupervisionVisit::findings)
                    .isEqualTo("registers up to date");
            assertThat(detail.latestAssessment()).isEmpty();
            assertThat(detail.complaints()).isEmpty();
            assertThat(new EsspDetailRepository(f.mission.dsl(), f.edit).load(9999, LocalDate.now())).isEmpty();
            // written by a context that is no team member (tests): shown as stored
            assertThat(detail.updatedByName()).isEqualTo("tester");
        }
    }

    @Test
    void theLastChangeIsShownByTheTeamMembersName() throws Exception {
        try (RegistryFixture f = new RegistryFixture(dir)) {
            var salma = new TeamRepository(f.mission.dsl()).add("Salma Idrissi", "laptop-2", java.time.Clock.systemUTC());
            var edit = new ma.essp.diag.database.mission.EditContext(salma.uuid(), "laptop-2", java.time.Clock.systemUTC());
            int essp = new EsspEditRepository(f.mission.dsl(), edit).create(RegistryFixture.draft("01571-0001", "CSU", f.urban,
                    null, null));
            var detail = new EsspDetailRepository(f.mission.dsl(), edit).load(essp, LocalDate.of(2026, 1, 1)).orElseThrow();
            assertThat(detail.essp().updatedBy()).isEqualTo(salma.uuid());
            assertThat(detail.updatedByName()).isEqualTo("Salma Idrissi");
        }
    }

    @Test
    void mapDataCountsArrondissementsInCasablancaAndKeepsPointsWithCoordinates() throws Exception {
        try (RegistryFixture f = new RegistryFixture(dir)) {
            f.essps.create(RegistryFixture.draft("01571-0001", "A", f.urban, 35.57, -5.37));
            int b = f.essps.create(RegistryFixture.draft("01571-0002", "B", f.urban, null, null));
            f.essps.bulkSet(java.util.Map.of(b, 1), EsspEditRepository.BulkField.FUNCTIONALITY, "not_functioning");
            int anfa = f.circonscriptions.create(new CirconscriptionRepository.CirconscriptionDraft(39, "C-ANFA", "Anfa", null,
                    "urban", null, null, null, null, null));
            f.essps.create(RegistryFixture.draft("061410100-0001", "CSU Anfa", anfa, 33.59, -7.63));
            var data = new EsspMapRepository(f.mission.dsl()).load();
            assertThat(data.essps()).hasSize(2);
            var tetouan = data.provinces().stream().filter(p -> p.isoCode().equals("MA-TET")).findFirst().orElseThrow();
            assertThat(tetouan.essps()).isEqualTo(2);
            assertThat(tetouan.notFunctioning()).isEqualTo(1);
            var casablanca = data.provinces().stream().filter(p -> p.isoCode().equals("MA-CAS")).findFirst().orElseThrow();
            assertThat(casablanca.essps()).isEqualTo(1);
            assertThat(casablanca.provinceIds()).contains(38, 39).hasSize(9);
            assertThat(data.provinces()).hasSize(75);
        }
    }
}
