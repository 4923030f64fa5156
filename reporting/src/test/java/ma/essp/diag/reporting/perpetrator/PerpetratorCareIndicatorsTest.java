package ma.essp.diag.reporting.perpetrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.ReportSourceData.PerpetratorSite;
import org.junit.jupiter.api.Test;

/** Hand-counted perpetrator-care figures: two sites launched, one in routine, one at a stage outside the list. */
class PerpetratorCareIndicatorsTest {

    private static PerpetratorSite site(int id, String stage, Map<String, Long> referrals) {
        return new PerpetratorSite(id, "Site " + id, 1, null, stage, LocalDate.parse("2026-02-01"), 1, 10, 2, referrals);
    }

    @Test
    void everyStageIsCountedInRolloutOrderWithZeros() {
        List<PerpetratorSite> sites = List.of(site(1, "launched", Map.of()), site(2, "routine", Map.of()),
                site(3, "launched", Map.of()), site(4, "pilot", Map.of()));
        assertThat(PerpetratorCareIndicators.sitesByStage(sites)).containsExactly(entry("identified", 0), entry("preparation", 0),
                entry("staff_trained", 0), entry("launched", 2), entry("routine", 1), entry("suspended", 0), entry("pilot", 1));
    }

    @Test
    void noSiteGivesSixZeros() {
        assertThat(PerpetratorCareIndicators.sitesByStage(List.of())).hasSize(6).containsOnlyKeys(PerpetratorCareIndicators.STAGES)
                .allSatisfy((stage, n) -> assertThat(n).isZero());
    }

    @Test
    void stageOrderIsTheRolloutPosition() {
        assertThat(PerpetratorCareIndicators.stageOrder("identified")).isZero();
        assertThat(PerpetratorCareIndicators.stageOrder("launched")).isEqualTo(3);
        assertThat(PerpetratorCareIndicators.stageOrder("suspended")).isEqualTo(5);
        assertThat(PerpetratorCareIndicators.stageOrder("pilot")).isEqualTo(-1);
    }

    @Test
    void referralsAreSummedOverSources() {
        assertThat(PerpetratorCareIndicators.referrals(site(1, "routine", Map.of("justice", 4L, "care_unit", 2L)))).isEqualTo(6);
        assertThat(PerpetratorCareIndicators.referrals(site(2, "routine", Map.of()))).isZero();
    }
}
