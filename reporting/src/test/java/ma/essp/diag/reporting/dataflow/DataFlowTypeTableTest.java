package ma.essp.diag.reporting.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowData.Link;
import ma.essp.diag.database.repository.DataFlowData.Observation;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import org.junit.jupiter.api.Test;

/**
 * Reporting and on-time rates by report type, worked by hand on the territory of {@link DataFlowFiguresTest}
 * (province 10: ESSPs 1000, 1001; province 11: ESSPs 1002, 1003) with two report types, ACT and VAC:
 * <pre>
 * type  ESSP  expected received on time
 * ACT   1000      4        3       2
 * ACT   1002      2        5 (!)   5 (!)    counted 2 received, 2 on time (capped: never 250 %)
 * VAC   1001      3        3       —
 * VAC   1003      1        0       0
 *
 * region  ACT: n 2, 5/6 = 83.33 %, on time 4/6 = 66.67 %    VAC: n 2, 3/4 = 75.00 %, on time 0/1 = 0.00 %
 * prov 10 ACT: 3/4 = 75.00 %, 2/4 = 50.00 %                 VAC: 3/3 = 100.00 %, on time not recorded (empty)
 * prov 11 ACT: 2/2 = 100.00 %, 2/2 = 100.00 %               VAC: 0/1 = 0.00 %, 0/1 = 0.00 %
 * </pre>
 */
class DataFlowTypeTableTest {

    static final DataFlowData DATA = new DataFlowData(DataFlowFiguresTest.DATA.regions(), DataFlowFiguresTest.DATA.provinces(),
            DataFlowFiguresTest.DATA.circonscriptions(), DataFlowFiguresTest.DATA.essps(),
            List.of(new DataFlowData.ReportType(1, 1, "ACT", "Activité", null, null, "SNIS", "monthly", "paper"),
                    new DataFlowData.ReportType(2, 1, "VAC", "Vaccination", null, null, "PNI", "monthly", "paper")),
            List.of(new Link(1, 1, 1, "essp", "circonscription", 1, null, "paper", 5, null, false, null),
                    new Link(2, 1, 2, "essp", "circonscription", 1, null, "paper", 5, null, false, null)),
            List.of(obs(1, 1, 1000, 4, 3, 2), obs(2, 1, 1002, 2, 5, 5), obs(3, 2, 1001, 3, 3, null), obs(4, 2, 1003, 1, 0, 0)),
            List.of(), List.of());

    static Observation obs(int id, int link, Integer essp, int expected, int received, Integer onTime) {
        return new Observation(id, 1, link, essp, "2026-03", expected, received, onTime, null, null);
    }

    @Test
    void ratesByTypeWithTheirNNeverAboveAHundred() {
        List<DataFlowTable.TypeRow> region = DataFlowTable.byReportType(DATA, AggregationLevel.REGION);
        assertThat(region).extracting(DataFlowTable.TypeRow::reportType).containsExactly("ACT", "VAC");
        DataFlowIndicators.Figures act = region.get(0).rates();
        assertThat(act.observations()).isEqualTo(2);
        assertThat(act.completeness()).isEqualTo(5.0 / 6);
        assertThat(act.timeliness()).isEqualTo(4.0 / 6);
        DataFlowIndicators.Figures vac = region.get(1).rates();
        assertThat(vac.completeness()).isEqualTo(3.0 / 4);
        assertThat(vac.timeliness()).isEqualTo(0.0);
        assertThat(vac.onTimeKnown()).isEqualTo(1);

        List<DataFlowTable.TypeRow> provinces = DataFlowTable.byReportType(DATA, AggregationLevel.PROVINCE);
        assertThat(provinces).extracting(r -> r.unit().code() + " " + r.reportType() + " "
                        + DataFlowTable.rate(r.rates().completeness()) + " " + DataFlowTable.rate(r.rates().timeliness()))
                .containsExactly("010 ACT 75.00 50.00", "010 VAC 100.00 ", "011 ACT 100.00 100.00", "011 VAC 0.00 0.00");
    }

    @Test
    void csvAndJsonCarryTheSameFigures() throws Exception {
        StringWriter csv = new StringWriter();
        DataFlowTable.writeTypeCsv(DataFlowTable.byReportType(DATA, AggregationLevel.REGION), AggregationLevel.REGION, csv);
        assertThat(csv.toString().lines().toList()).containsExactly(
                String.join(",", DataFlowTable.TYPE_COLUMNS),
                "region,01,Région 1,ACT,Activité,2,6,5,4,6,83.33,66.67",
                "region,01,Région 1,VAC,Vaccination,2,4,3,0,1,75.00,0.00");
        StringWriter json = new StringWriter();
        DataFlowTable.writeTypeJson(DataFlowTable.byReportType(DATA, AggregationLevel.NATIONAL), AggregationLevel.NATIONAL, null, json);
        assertThat(json.toString()).contains("\"by\": \"report-type\"", "\"report_type\": \"VAC\"", "\"reporting_rate\": 75.00",
                "\"on_time_rate\": 0.00");
    }
}
