package ma.essp.diag.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import ma.essp.diag.app.map.model.ComplaintMaturityFigure;
import ma.essp.diag.app.map.model.MapFigure;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.repository.ComplaintRepository.SystemRow;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maturity map figure: E001 (Tanger-Assilah) scores 100, E002 (same province) 33, E005 (Casablanca-Anfa) 0:
 * Tanger-Assilah (100 + 33) / 2 = 66.5 with n 2; the Casablanca unit 0 with n 1; provinces without a system no value.
 */
class ComplaintMaturityFigureTest {

    @TempDir
    Path dir;

    @Test
    void eachProvinceHasTheMeanScoreOfItsRecordedSystems() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            ComplaintRepository repo = new ComplaintRepository(mission.dsl(), EditContext.system("test"));
            java.util.Map<String, Integer> ids = new java.util.HashMap<>();
            repo.essps().forEach(e -> ids.put(e.code(), e.id()));
            repo.saveSystem(ids.get("E001"), new SystemRow(null, null, true, true, true, true, true, true, true, true, true, "Médecin chef", true, true));
            repo.saveSystem(ids.get("E002"), new SystemRow(null, null, true, false, true, false, false, true, false, false, false, "Infirmier", false, false));
            repo.saveSystem(ids.get("E005"), new SystemRow(null, null, false, false, false, false, false, false, false, false, false, null, false, false));

            EsspMapRepository.MapData data = new EsspMapRepository(mission.dsl()).load();
            MapFigure.Evaluation e = ComplaintMaturityFigure.INSTANCE.evaluate(mission.dsl(), data);
            String tanger = data.provinces().stream().filter(u -> u.provinceIds().contains(FixtureMission.TANGER_ASSILAH)
                    || u.provinceId() == FixtureMission.TANGER_ASSILAH).findFirst().orElseThrow().isoCode();
            String casablanca = data.provinces().stream().filter(u -> u.provinceIds().contains(FixtureMission.CASABLANCA_ANFA)
                    || u.provinceId() == FixtureMission.CASABLANCA_ANFA).findFirst().orElseThrow().isoCode();
            assertThat(e.values()).containsOnlyKeys(tanger, casablanca);
            assertThat(e.values().get(tanger)).isEqualTo(66.5);
            assertThat(e.bases().get(tanger).n()).isEqualTo(2);
            assertThat(e.values().get(casablanca)).isZero();
            assertThat(e.overall().n()).isEqualTo(3);
            assertThat(ComplaintMaturityFigure.INSTANCE.format(66.5)).isEqualTo("66.50");
            assertThat(ComplaintMaturityFigure.INSTANCE.higherIsBetter()).isTrue();

            // the map's classes are the rubric's quarters, not quantiles: 0 → 0–24, 66.5 → 67 → 50–74, two empty classes
            ma.essp.diag.app.map.model.MapPicture picture = ma.essp.diag.app.map.model.MapPicture.prepare(
                    ma.essp.diag.database.geo.MapOutlines.shipped(), mission.dsl(), data, ComplaintMaturityFigure.INSTANCE);
            assertThat(picture.scale().classes()).extracting(c -> c.from().toPlainString() + "-" + c.to().toPlainString() + ":" + c.count())
                    .containsExactly("0-24:1", "25-49:0", "50-74:1", "75-100:0");
        }
    }
}
