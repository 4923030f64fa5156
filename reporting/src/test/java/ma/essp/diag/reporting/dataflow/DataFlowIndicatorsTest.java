package ma.essp.diag.reporting.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ma.essp.diag.database.repository.ReportSourceData.FlowObservations;
import ma.essp.diag.reporting.dataflow.DataFlowIndicators.Figures;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked data-flow figures.
 * <pre>
 * circ. 10 (3 observations): 3 expected, 2 received, on time 1 of the 2 expected where recorded, delays 4 + 5 days
 * no ESSP  (2 observations): 4 expected, 4 received, on time 3 of 4, no delay recorded
 * together: completeness 6/7, timeliness 4/6, mean delay 9/2 = 4.5 days
 * </pre>
 */
class DataFlowIndicatorsTest {

    private static final FlowObservations CIRC = new FlowObservations(1, 10, 3, 3, 2, 1, 2, 9.0, 2);
    private static final FlowObservations NO_ESSP = new FlowObservations(1, null, 2, 4, 4, 3, 4, 0, 0);

    @Test
    void ratiosAreOfTheSummedCounts() {
        Figures f = DataFlowIndicators.sum(List.of(CIRC, NO_ESSP));
        assertThat(f).isEqualTo(new Figures(5, 7, 6, 4, 6, 9.0, 2));
        assertThat(f.completeness()).isEqualTo(6.0 / 7);
        assertThat(f.timeliness()).isEqualTo(2.0 / 3);
        assertThat(f.meanDelay()).isEqualTo(4.5);
    }

    @Test
    void oneGroupGivesItsOwnRatios() {
        Figures f = DataFlowIndicators.of(CIRC);
        assertThat(f.completeness()).isEqualTo(2.0 / 3); // 0.666..., not rounded
        assertThat(f.timeliness()).isEqualTo(0.5);
        assertThat(f.meanDelay()).isEqualTo(4.5);
    }

    @Test
    void aTotalOverFlowsIsNotTheMeanOfTheirRates() {
        // flow A: 1 of 1 received (100 %); flow B: 0 of 3 (0 %): together 1 of 4 = 25 %, not (100 + 0) / 2 = 50 %
        Figures a = DataFlowIndicators.of(new FlowObservations(1, 10, 1, 1, 1, 0, 0, 0, 0));
        Figures b = DataFlowIndicators.of(new FlowObservations(2, 10, 3, 3, 0, 0, 0, 0, 0));
        assertThat(a.plus(b).completeness()).isEqualTo(0.25);
    }

    @Test
    void nothingExpectedOrRecordedGivesNoRatio() {
        Figures none = DataFlowIndicators.sum(List.of());
        assertThat(none).isEqualTo(Figures.NONE);
        assertThat(none.completeness()).isNull();
        assertThat(none.timeliness()).isNull();
        assertThat(none.meanDelay()).isNull();
        // observations with nothing expected and no on-time count: counted, but no rate (never 0 % or a division by 0)
        Figures empty = DataFlowIndicators.of(new FlowObservations(3, 10, 2, 0, 0, 0, 0, 0, 0));
        assertThat(empty.observations()).isEqualTo(2);
        assertThat(empty.completeness()).isNull();
        assertThat(empty.timeliness()).isNull();
    }

    @Test
    void reportsAllOnTimeButUnrecordedElsewhereOnlyCountWhereRecorded() {
        // 2 expected with on time recorded (both on time) and 5 expected without it: timeliness 2/2, completeness 7/7
        Figures f = DataFlowIndicators.sum(List.of(new FlowObservations(1, 10, 1, 2, 2, 2, 2, 0, 0),
                new FlowObservations(1, 11, 1, 5, 5, 0, 0, 0, 0)));
        assertThat(f.timeliness()).isEqualTo(1.0);
        assertThat(f.completeness()).isEqualTo(1.0);
    }
}
