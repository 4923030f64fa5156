package ma.essp.diag.app.map.model;

import ma.essp.diag.app.ui.map.GeoBox;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Zoom to the mission" on the fixture: its ESSPs are in Tanger-Assilah and Casablanca, so the box is theirs. */
class MissionAreaTest {

    @TempDir
    Path dir;

    @Test
    void theMissionAreaIsTheBoxOfTheProvincesWithEsspsAndTheirPoints() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("m.essp"))) {
            var data = new EsspMapRepository(mission.dsl()).load();
            MapPicture picture = MapPicture.prepare(MapOutlines.shipped(), mission.dsl(), data, MapFigure.ESSPS_PER_10K);
            GeoBox area = picture.missionArea();
            MapShape tanger = shape("MA-TNG");
            MapShape casablanca = shape("MA-CAS");
            // Tanger-Assilah is the north-west corner (Casablanca lies south-west of it), Casablanca the south-west
            assertThat(area.maxLat()).isEqualTo(tanger.maxLat());
            assertThat(area.maxLon()).isEqualTo(Math.max(tanger.maxLon(), casablanca.maxLon()));
            assertThat(area.minLat()).isEqualTo(casablanca.minLat());
            assertThat(area.minLon()).isEqualTo(Math.min(tanger.minLon(), casablanca.minLon()));
            data.essps().forEach(p -> assertThat(area.contains(p.longitude(), p.latitude())).isTrue());
            // neither Dakhla nor Oujda
            assertThat(area.contains(-15.93, 23.70)).isFalse();
            assertThat(area.contains(-1.91, 34.68)).isFalse();
        }
    }

    private static MapShape shape(String iso) {
        return MapOutlines.shipped().provinces().stream().filter(s -> s.isoCode().equals(iso)).findFirst().orElseThrow();
    }
}
