package ma.essp.diag.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void oursAndTheBaselineRunInAlternationWarmUpsIncluded() throws Exception {
        List<String> calls = new ArrayList<>();
        Measurement[] both = Measurement.alternating(1, 3, () -> calls.add("ours"), () -> calls.add("bare"));
        assertThat(calls).containsExactly("ours", "bare", "ours", "bare", "ours", "bare", "ours", "bare");
        assertThat(both[0].runs()).isEqualTo(3);
        assertThat(both[1].runs()).isEqualTo(3);
    }

    @Test
    void eachSideKeepsTheMedianOfItsOwnRuns() throws Exception {
        // ours sleeps 1, 300, 2 ms (median ≈ 2 ms: the outlier does not count); the baseline 60 ms each time
        long[] oursMillis = {1, 300, 2};
        int[] i = {0};
        Measurement[] both = Measurement.alternating(0, 3, () -> {
            Thread.sleep(oursMillis[i[0]++]);
            return null;
        }, () -> {
            Thread.sleep(60);
            return null;
        });
        assertThat(both[0].median()).isBetween(Duration.ofMillis(2), Duration.ofMillis(299));
        assertThat(both[1].median()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        BenchReport.Row row = new BenchReport.Row("x", both[0], "bare", both[1]);
        assertThat(row.ratio()).isLessThan(1.0);
    }
}
