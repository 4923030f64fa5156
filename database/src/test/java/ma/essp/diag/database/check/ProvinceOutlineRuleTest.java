package ma.essp.diag.database.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import org.junit.jupiter.api.Test;

/** The rule "an ESSP's point lies in its province" on the shipped outlines, with its 2 km tolerance. */
class ProvinceOutlineRuleTest {

    private static MapShape tetouan() {
        return MapOutlines.shipped().provinces().stream().filter(s -> s.isoCode().equals("MA-TET")).findFirst().orElseThrow();
    }

    @Test
    void distanceToAnOutlineIsMeasuredInKilometres() {
        // a 1° × 1° square at the equator; a point 0.1° east of its east side, at mid-height (latitude 0.5°)
        MapShape square = new MapShape("SQ", "square", List.<double[]>of(new double[] {0, 0, 1, 0, 1, 1, 0, 1}), 0, 0, 1, 1);
        // by hand: 0.1° of longitude = 0.1 × π/180 × 6371 km × cos(0.5°) = 11.119 km
        assertThat(square.distanceKm(1.1, 0.5)).isCloseTo(0.1 * Math.PI / 180 * 6371 * Math.cos(Math.toRadians(0.5)), within(1e-9))
                .isCloseTo(11.119, within(0.001));
        // below the south-east corner: the corner is nearest, 0.1° east and 0.1° south → √2 × 11.12 ≈ 15.72 km
        assertThat(square.distanceKm(1.1, -0.1)).isCloseTo(15.72, within(0.01));
        assertThat(square.distanceKm(0.5, 0.5)).isZero();
    }

    @Test
    void aPointInTheAtlanticIsRefusedForTetouanWithItsDistance() {
        // (34.0, −10.5) lies in the Atlantic off Rabat; Tétouan's west end is near (35.6, −5.9): by hand
        // √((4.6 × 111.2 × cos 34°)² + (1.6 × 111.2)²) ≈ √(424² + 178²) ≈ 460 km
        OptionalDouble km = ConsistencyChecker.kmOutsideProvince(tetouan(), 34.0, -10.5);
        assertThat(km).isPresent();
        assertThat(km.getAsDouble()).isBetween(420.0, 500.0);
    }

    @Test
    void aPointInsideIsAccepted() {
        // Tétouan's medina
        assertThat(tetouan().contains(-5.3684, 35.5785)).isTrue();
        assertThat(ConsistencyChecker.kmOutsideProvince(tetouan(), 35.5785, -5.3684)).isEmpty();
    }

    @Test
    void aCoastalPointOneKilometreOffTheOutlineIsAccepted() {
        MapShape tetouan = tetouan();
        // the easternmost vertex of the outline is on the Mediterranean coast; 1 km further east is at sea
        double lon = -180;
        double lat = 0;
        for (double[] ring : tetouan.rings()) {
            for (int i = 0; i < ring.length; i += 2) {
                if (ring[i] > lon) {
                    lon = ring[i];
                    lat = ring[i + 1];
                }
            }
        }
        double oneKmEast = lon + 1 / (Math.PI / 180 * 6371 * Math.cos(Math.toRadians(lat)));
        assertThat(tetouan.contains(oneKmEast, lat)).isFalse();
        assertThat(tetouan.distanceKm(oneKmEast, lat)).isGreaterThan(0).isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(ConsistencyChecker.kmOutsideProvince(tetouan, lat, oneKmEast)).isEmpty();
        // 5 km out is beyond the tolerance
        double fiveKmEast = lon + 5 / (Math.PI / 180 * 6371 * Math.cos(Math.toRadians(lat)));
        assertThat(ConsistencyChecker.kmOutsideProvince(tetouan, lat, fiveKmEast)).isPresent();
    }
}
