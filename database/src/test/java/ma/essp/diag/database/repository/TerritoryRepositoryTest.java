package ma.essp.diag.database.repository;

import ma.essp.diag.database.testing.FixtureMission;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import ma.essp.diag.database.mission.MissionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerritoryRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheWholeTerritoryWithoutDeletedRows() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("t.essp"))) {
            TerritoryRepository.Territory territory = new TerritoryRepository(mission.dsl()).load();

            assertThat(territory.regions()).hasSize(12);
            assertThat(territory.regions().getFirst().code()).isEqualTo("01");
            assertThat(territory.provinces()).hasSize(83);
            assertThat(territory.circonscriptions()).extracting(TerritoryRepository.Circonscription::code)
                    .containsExactlyInAnyOrder("C-TNG-1", "C-TNG-2", "C-CAS-1");
            assertThat(territory.essps()).extracting(TerritoryRepository.Essp::code)
                    .containsExactlyInAnyOrder("E001", "E002", "E003", "E004", "E005", "E006");
        }
    }

    @Test
    void casablancaPrefecturesOfArrondissementsPointToCasablanca() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("c.essp"))) {
            TerritoryRepository.Territory territory = new TerritoryRepository(mission.dsl()).load();

            assertThat(territory.provinces()).filteredOn(p -> p.parentProvinceId() != null)
                    .hasSize(8)
                    .allSatisfy(p -> {
                        assertThat(p.parentProvinceId()).isEqualTo(FixtureMission.CASABLANCA);
                        assertThat(p.type()).isEqualTo("prefecture_of_arrondissements");
                    });
            TerritoryRepository.Province tanger = territory.provinces().stream()
                    .filter(p -> p.id() == FixtureMission.TANGER_ASSILAH).findFirst().orElseThrow();
            assertThat(tanger.population()).isEqualTo(1_494_413L);
            assertThat(tanger.nameAr()).isEqualTo("طنجة-أصيلة");
        }
    }
}
