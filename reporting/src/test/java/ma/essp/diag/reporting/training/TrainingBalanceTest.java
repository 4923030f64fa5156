package ma.essp.diag.reporting.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.TrainingData.Participant;
import ma.essp.diag.reporting.training.TrainingBalance.Gender;
import ma.essp.diag.reporting.training.TrainingBalance.RegionRow;
import org.junit.jupiter.api.Test;

/**
 * Six participants: region 1 has 2 women and 1 man (quota 3: full), region 4 one man (quota 2), one woman of region 7
 * (no quota) and one participant with neither a region nor a gender; region 9 has a quota and nobody yet.
 */
class TrainingBalanceTest {

    private static Participant p(int id, String gender) {
        return new Participant(id, 1, 1, null, null, "P" + id, null, gender, "enrolled", null, null, false);
    }

    private static final List<Participant> SIX = List.of(p(1, "f"), p(2, "f"), p(3, "m"), p(4, "m"), p(5, "f"), p(6, null));
    private static final Map<Integer, Integer> REGION_OF = Map.of(1, 1, 2, 1, 3, 1, 4, 4, 5, 7);

    @Test
    void theWomenShareLeavesOutUnknownGenders() {
        Gender g = TrainingBalance.gender(SIX);
        assertThat(g).isEqualTo(new Gender(6, 3, 2));
        assertThat(g.unknown()).isEqualTo(1);
        assertThat(g.womenShare()).as("3 ÷ (3 + 2)").isEqualTo(0.6);
        assertThat(TrainingBalance.gender(List.of(p(9, null))).womenShare()).isNull();
    }

    @Test
    void regionsWithTheirQuotaThenTheUnknownRegion() {
        List<RegionRow> rows = TrainingBalance.byRegion(SIX, REGION_OF, Map.of(1, 3, 4, 2, 9, 5));
        assertThat(rows).containsExactly(
                new RegionRow(1, new Gender(3, 2, 1), 3),
                new RegionRow(4, new Gender(1, 0, 1), 2),
                new RegionRow(7, new Gender(1, 1, 0), null),
                new RegionRow(9, new Gender(0, 0, 0), 5),
                new RegionRow(null, new Gender(1, 0, 0), null));
        assertThat(rows.get(0).full()).isTrue();
        assertThat(rows.get(0).over()).isFalse();
        assertThat(rows.get(1).full()).isFalse();
        assertThat(rows.get(2).full()).as("no quota").isFalse();
        assertThat(rows.get(0).gender().womenShare()).isEqualTo(2.0 / 3);
    }
}
