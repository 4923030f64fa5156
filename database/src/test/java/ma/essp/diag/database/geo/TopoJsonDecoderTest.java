package ma.essp.diag.database.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopoJsonDecoderTest {

    @Test
    void decodesQuantizedDeltaEncodedArcsAndReversedReferences() {
        // two squares sharing the arc 0 (x = 1); transform scale 0.5 and translate (10, 20)
        String json = """
                {"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
                 "objects":{"o":{"type":"GeometryCollection","geometries":[
                   {"type":"Polygon","id":"A","properties":{"name":"left"},"arcs":[[0,1]]},
                   {"type":"MultiPolygon","id":"B","arcs":[[[2,-1]]]}]}},
                 "arcs":[[[2,0],[0,2]],[[2,2],[-2,0],[0,-2],[2,0]],[[2,2],[2,0],[0,-2],[-2,0]]]}""";
        List<MapShape> shapes = TopoJsonDecoder.decode(json);
        assertThat(shapes).extracting(MapShape::isoCode).containsExactly("A", "B");
        MapShape a = shapes.get(0);
        assertThat(a.name()).isEqualTo("left");
        // arc 0: (2,0) -> (2,2) in quanta = (11,20) -> (11,21); arc 1 continues from (11,21) round to (11,20)
        assertThat(a.rings().get(0)).containsExactly(11, 20, 11, 21, 10, 21, 10, 20, 11, 20);
        assertThat(a.contains(10.5, 20.5)).isTrue();
        assertThat(a.contains(11.5, 20.5)).isFalse();
        MapShape b = shapes.get(1);
        assertThat(b.contains(11.5, 20.5)).isTrue();
        assertThat(b.minLon()).isEqualTo(11.0);
        assertThat(b.maxLon()).isEqualTo(12.0);
    }

    @Test
    void theShippedOutlinesCoverMoroccoWithIsoIds() {
        List<MapShape> provinces = TopoJsonDecoder.decodeResource("/ma/essp/diag/database/geo/provinces.topojson");
        List<MapShape> regions = TopoJsonDecoder.decodeResource("/ma/essp/diag/database/geo/regions.topojson");
        assertThat(provinces).hasSize(75).allMatch(s -> s.isoCode().startsWith("MA-"));
        assertThat(regions).extracting(MapShape::isoCode).contains("MA-01", "MA-12").hasSize(12);
        MapShape tanger = provinces.stream().filter(s -> s.isoCode().equals("MA-TNG")).findFirst().orElseThrow();
        // Tanger city centre
        assertThat(tanger.contains(-5.81, 35.76)).isTrue();
        assertThat(tanger.contains(-7.6, 33.57)).isFalse();
        MapShape casablanca = provinces.stream().filter(s -> s.isoCode().equals("MA-CAS")).findFirst().orElseThrow();
        assertThat(casablanca.contains(-7.6, 33.57)).isTrue();
        double minLat = regions.stream().mapToDouble(MapShape::minLat).min().orElseThrow();
        assertThat(minLat).isCloseTo(20.77, within(0.05));
    }
}
