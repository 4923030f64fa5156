package ma.essp.diag.database.repository;

import ma.essp.diag.database.testing.FixtureMission;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsspRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void listsLiveEsspsWithTheirTerritoryOrderedByCode() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("e.essp"))) {
            List<EsspListRow> rows = new EsspRepository(mission.dsl()).list();

            assertThat(rows).extracting(EsspListRow::code).containsExactly("E001", "E002", "E003", "E004", "E005", "E006");
            EsspListRow maarif = rows.get(5);
            assertThat(maarif.nameFr()).isEqualTo("CSU Maârif");
            assertThat(maarif.category().code()).isEqualTo("CSU-2");
            assertThat(maarif.category().labelEn()).isEqualTo("Urban health centre level 2");
            assertThat(maarif.circonscriptionFr()).isEqualTo("Circonscription Anfa");
            assertThat(maarif.provinceFr()).isEqualTo("Casablanca-Anfa");
            assertThat(maarif.regionFr()).isEqualTo("Casablanca-Settat");
            assertThat(maarif.regionCode()).isEqualTo("06");
            assertThat(maarif.populationServed()).isEqualTo(55_000L);
            assertThat(rows.get(3).functionality()).isEqualTo("not_functioning");
            assertThat(rows.get(3).milieu()).isEqualTo("rural");
        }
    }

    @Test
    void categoriesComeInReferenceOrder() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("k.essp"))) {
            assertThat(new EsspRepository(mission.dsl()).categories())
                    .extracting(EsspRepository.Category::code)
                    .startsWith("DR", "CSR-1", "CSR-2", "CSU-1", "CSU-2");
        }
    }
}
