package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ma.essp.diag.app.cli.IndicesCommandTest.Run;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.reporting.dataflow.DataFlowFigures;
import ma.essp.diag.reporting.dataflow.DataFlowTable;
import ma.essp.diag.reporting.dataflow.DataVerification;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code essp-diag figures --axis dataflows} on a small mission written through {@link DataFlowRepository}:
 * province 01.511, circonscription C1 with ESSPs E1, E2 and E3. One report type, one link essp → circonscription of
 * the region (re-keyed) and one circonscription → central (not re-keyed): 1 re-keying step.
 * <pre>
 * observations  E1 2026-03: 1 expected, 1 received, 1 on time   E2 2026-03: 1, 0, 0   E1 2026-04: 1, 1, 0
 *   → C1: 2 of 3 received (66.67 %), 1 of 3 on time (33.33 %)    as of 2026-03-31: 1 of 2 (50 %), 1 of 2
 * recounts      E1 ANC1 2026-03: recounted 45, reported 50 (transcription error) → E1 VF 0.900, within (bound)
 *               E2 ANC1 2026-03: recounted 7, reported 0 → not computable;  E3: no recount
 *   → C1: 52 / 50 = 1.040, within; 2 discrepancies (1 transcription error, 1 unexplained)
 * </pre>
 */
class FiguresCommandTest {

    @TempDir
    Path dir;

    private int[] essps;

    private Path mission() throws Exception {
        Path file = dir.resolve("flows.essp");
        try (MissionFile mission = MissionFile.create(file)) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            var c = dsl.newRecord(CIRCONSCRIPTION);
            Integer province = dsl.select(PROVINCE.ID).from(PROVINCE).where(PROVINCE.CODE.eq("01.511")).fetchOne(PROVINCE.ID);
            Integer region = dsl.select(PROVINCE.REGION_ID).from(PROVINCE).where(PROVINCE.ID.eq(province)).fetchOne(PROVINCE.REGION_ID);
            c.setProvinceId(province);
            c.setCode("C1");
            c.setNameFr("Circonscription 1");
            c.setMilieu("urban");
            edit.stampNew(c).store();
            essps = new int[3];
            for (int n = 1; n <= 3; n++) {
                var e = dsl.newRecord(ESSP);
                e.setCode("E" + n);
                e.setNameFr("ESSP " + n);
                e.setCategoryCode("CSU-1");
                e.setCirconscriptionId(c.getId());
                e.setMilieu("urban");
                edit.stampNew(e).store();
                essps[n - 1] = e.getId();
            }
            DataFlowRepository flows = new DataFlowRepository(dsl, edit);
            int type = flows.saveReportType(new DataFlowData.ReportType(0, 0, "ACT", "Activité", "Activity", null, "SNIS", "monthly", "paper"));
            int up = flows.saveLink(new DataFlowData.Link(0, 0, type, "essp", "circonscription", region, null, "paper", 5, null, true, null));
            flows.saveLink(new DataFlowData.Link(0, 0, type, "circonscription", "central", region, null, "software", 10, "dhis2", false, null));
            flows.saveObservation(new DataFlowData.Observation(0, 0, up, essps[0], "2026-03", 1, 1, 1, 2.0, null));
            flows.saveObservation(new DataFlowData.Observation(0, 0, up, essps[1], "2026-03", 1, 0, 0, null, null));
            flows.saveObservation(new DataFlowData.Observation(0, 0, up, essps[0], "2026-04", 1, 1, 0, 9.0, null));
            flows.saveRecount(new DataFlowData.Recount(0, 0, essps[0], "ANC1", "2026-03", 45, 50, "transcription_error", null));
            flows.saveRecount(new DataFlowData.Recount(0, 0, essps[1], "ANC1", "2026-03", 7, 0, null, null));
        }
        return file;
    }

    private static Map<String, String> row(String csv, String code) {
        return IndicesCommandTest.parseCsv(csv).stream().filter(r -> r.get("code").equals(code)).findFirst().orElseThrow();
    }

    @Test
    void circonscriptionRowHasTheHandWorkedFigures() throws Exception {
        Path file = mission();
        Run run = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "circonscription");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", DataFlowTable.COLUMNS));
        assertThat(row(run.out(), "C1")).containsEntry("level", "circonscription").containsEntry("observations", "3")
                .containsEntry("expected", "3").containsEntry("received", "2").containsEntry("reporting_rate", "66.67")
                .containsEntry("received_on_time", "1").containsEntry("on_time_rate", "33.33").containsEntry("mean_delay_days", "5.50")
                .containsEntry("recount_rows", "2").containsEntry("recounted", "52").containsEntry("reported", "50")
                .containsEntry("verification_factor", "1.040").containsEntry("vf_status", "within")
                .containsEntry("vf_band_low", "0.900").containsEntry("vf_band_high", "1.100")
                .containsEntry("essps_verified", "1").containsEntry("discrepancies", "2")
                .containsEntry("discrepancies_transcription_error", "1").containsEntry("discrepancies_unexplained", "1")
                .containsEntry("rekeying_steps_max", "1");
    }

    @Test
    void byReportTypeGivesEachTypesRatesWithTheirN() throws Exception {
        Path file = mission();
        Run run = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "circonscription",
                "--by", "report-type");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", DataFlowTable.TYPE_COLUMNS));
        assertThat(row(run.out(), "C1")).containsEntry("report_type", "ACT").containsEntry("report_type_name", "Activité")
                .containsEntry("observations", "3").containsEntry("expected", "3").containsEntry("received", "2")
                .containsEntry("received_on_time", "1").containsEntry("on_time_expected", "3")
                .containsEntry("reporting_rate", "66.67").containsEntry("on_time_rate", "33.33");
        Run json = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "circonscription",
                "--by", "report-type", "--as-of", "2026-03-31", "--format", "json");
        assertThat(json.out()).contains("\"by\": \"report-type\"", "\"report_type\": \"ACT\"", "\"observations\": 2",
                "\"reporting_rate\": 50.00", "\"on_time_rate\": 50.00");
        Run bad = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "region", "--by", "cohort");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("dataflows takes unit or report-type");
    }

    @Test
    void esspRowsSayNotComputableAndNoRecount() throws Exception {
        Path file = mission();
        String csv = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "essp").out();
        assertThat(row(csv, "E1")).containsEntry("verification_factor", "0.900").containsEntry("vf_status", "within");
        assertThat(row(csv, "E2")).containsEntry("verification_factor", "").containsEntry("vf_status", "not_computable")
                .containsEntry("reporting_rate", "0.00");
        assertThat(row(csv, "E3")).containsEntry("verification_factor", "").containsEntry("vf_status", "no_recount")
                .containsEntry("observations", "0").containsEntry("reporting_rate", "");
    }

    @Test
    void asOfLeavesOutLaterPeriodsAndTheBandIsAMissionSetting() throws Exception {
        Path file = mission();
        String csv = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "circonscription",
                "--as-of", "2026-03-31").out();
        assertThat(row(csv, "C1")).containsEntry("expected", "2").containsEntry("reporting_rate", "50.00")
                .containsEntry("on_time_rate", "50.00");
        try (MissionFile mission = MissionFile.open(file, CliTest.BACKUPS)) {
            new MissionSettingsRepository(mission.dsl()).set(EditContext.system("test"), DataVerification.HIGH_KEY, "1.02");
        }
        String narrow = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "circonscription").out();
        assertThat(row(narrow, "C1")).containsEntry("vf_status", "under_reporting").containsEntry("vf_band_high", "1.020");
    }

    @Test
    void jsonAndFileOutputCarryTheSameNumbersAsTheFiguresOfTheScreen() throws Exception {
        Path file = mission();
        Path out = dir.resolve("out/flows.json");
        Run run = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "national", "--format", "json",
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String json = Files.readString(out);
        assertThat(json).contains("\"axis\": \"dataflows\"", "\"level\": \"national\"", "\"code\": \"MA\"",
                "\"reporting_rate\": 66.67", "\"verification_factor\": 1.040", "\"vf_status\": \"within\"", "\"vf_band\": [0.900, 1.100]");
        // the screen and the exports format DataFlowFigures through DataFlowTable: the CLI cells are those cells
        try (MissionFile mission = MissionFile.open(file, CliTest.BACKUPS)) {
            var data = new DataFlowRepository(mission.dsl()).load();
            List<String> cells = DataFlowTable.cells(DataFlowFigures.byUnit(data, AggregationLevel.NATIONAL, DataVerification.Band.DEFAULT)
                    .getFirst(), AggregationLevel.NATIONAL, DataVerification.Band.DEFAULT);
            String csv = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "national").out();
            assertThat(csv.lines().skip(1).findFirst().orElseThrow()).isEqualTo(String.join(",", cells));
        }
    }

    @Test
    void anEmptyMissionExitsWithOneAndABadUsageWithTwo() throws Exception {
        Path file = dir.resolve("empty.essp");
        MissionFile.create(file).close();
        Run empty = IndicesCommandTest.run("figures", file.toString(), "--axis", "dataflows", "--level", "region");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("no dataflows data");
        assertThat(IndicesCommandTest.run("figures", file.toString(), "--axis", "rumours", "--level", "region").exit()).isEqualTo(2);
        assertThat(IndicesCommandTest.run("figures", dir.resolve("missing.essp").toString(), "--axis", "dataflows", "--level", "region")
                .exit()).isEqualTo(2);
    }
}
