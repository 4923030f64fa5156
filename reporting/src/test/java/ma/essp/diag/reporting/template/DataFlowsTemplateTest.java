package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW_OBSERVATION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.DataFlowObservationRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data-flow template ({@code --kind dataflows}): observations per flow, ESSP and period, checked with
 * {@code DataFlowRules.observation} (received ≤ expected, on time ≤ received, no future period, no duplicate
 * flow/period/ESSP); a second import changes nothing; every bad input leaves the mission file unchanged.
 */
class DataFlowsTemplateTest extends TemplateFixture {

    DataFlowsTemplateTest() {
        super(TemplateKind.DATAFLOWS);
    }

    int linkId;
    String obsUuid;

    @BeforeEach
    void open() throws Exception {
        DataFlowRepository flows = new DataFlowRepository(dsl, EditContext.system("setup"));
        int type = flows.saveReportType(new DataFlowData.ReportType(0, 0, "RMA", "Rapport mensuel d'activité", null, null, "SMI",
                "monthly", "paper"));
        linkId = flows.saveLink(new DataFlowData.Link(0, 0, type, "essp", "circonscription", null, null, "paper", 5, null, false, null));
        int id = flows.saveObservation(new DataFlowData.Observation(0, 0, linkId, esspId("E001"), "2026-01", 1, 1, 1, 2.0, null));
        obsUuid = dsl.fetchValue(DATA_FLOW_OBSERVATION.UUID, DATA_FLOW_OBSERVATION.ID.eq(id));
    }

    /** Row 3: the recorded observation; rows 4.. are empty. */
    private static Row recorded(Sheet s) {
        return s.getRow(FieldTemplate.FIRST_DATA_ROW - 1);
    }

    private Row newRow(Sheet s, int i, String code, String period, int expected, int received) {
        Row row = s.getRow(FieldTemplate.FIRST_DATA_ROW + i);
        put(row, "flow", readFlowLabel(s));
        put(row, "essp_code", code);
        put(row, "period", period);
        put(row, "expected", expected);
        put(row, "received", received);
        return row;
    }

    private static String readFlowLabel(Sheet s) {
        return recorded(s).getCell(1).getStringCellValue();
    }

    @Test
    void theTemplateHoldsTheObservationsWithTheirFlowLocked() throws Exception {
        try (InputStream in = Files.newInputStream(template()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("DataFlows");
            Row row = recorded(s);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(obsUuid);
            assertThat(row.getCell(1).getStringCellValue()).startsWith("#" + linkId + " RMA · ");
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("E001");
            assertThat(row.getCell(1).getCellStyle().getLocked()).isTrue();
            assertThat(s.getRow(FieldTemplate.FIRST_DATA_ROW).getCell(1).getCellStyle().getLocked()).isFalse();
            assertThat(s.getDataValidations()).hasSize(1); // the flow
        }
    }

    @Test
    void observationsTypedInTheWorkbookLandInTheMissionAndASecondImportChangesNothing() throws Exception {
        Path filled = fill(template(), dir.resolve("filled.xlsx"), wb -> {
            Sheet s = sheet(wb);
            put(recorded(s), "delay_days", 4.5);
            Row added = newRow(s, 0, "E002", "2026-02", 1, 1);
            put(added, "on_time", 0);
            newRow(s, 1, null, "2026-Q1", 6, 5); // all the senders of the flow
        });
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(check.problems()).isEmpty();
        FieldImport.Result result = FieldImport.apply(dsl, edit, check, false);
        // recorded: delay; E002: period, expected, received, on time; all senders: period, expected, received
        assertThat(result.rowsChanged()).isEqualTo(3);
        assertThat(result.valuesChanged()).isEqualTo(1 + 4 + 3);
        DataFlowObservationRecord r = dsl.selectFrom(DATA_FLOW_OBSERVATION).where(DATA_FLOW_OBSERVATION.UUID.eq(obsUuid)).fetchSingle();
        assertThat(r.getObservedDelayDays()).isEqualTo(4.5);
        assertThat(r.getVersion()).isEqualTo(2);
        DataFlowObservationRecord all = dsl.selectFrom(DATA_FLOW_OBSERVATION).where(DATA_FLOW_OBSERVATION.ESSP_ID.isNull()).fetchSingle();
        assertThat(List.of(all.getPeriod(), all.getReportsExpected(), all.getReportsReceived())).containsExactly("2026-Q1", 6, 5);
        assertThat(dsl.fetchCount(DATA_FLOW_OBSERVATION)).isEqualTo(3);

        int audit = dsl.fetchCount(AUDIT_LOG);
        String before = checksum(mission.path());
        FieldImport.Check again = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(again.problems()).isEmpty();
        assertThat(FieldImport.apply(dsl, edit, again, false).rowsChanged()).isZero();
        assertThat(dsl.fetchCount(DATA_FLOW_OBSERVATION)).isEqualTo(3);
        assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(audit);
        assertThat(checksum(mission.path())).isEqualTo(before);
    }

    @Test
    void theIssuesBadInputsAreRefused() throws Exception {
        assertThat(one(refused(wb -> newRow(sheet(wb), 0, "E002", "2026-02", 3, 4)))).isEqualTo("4|received|RULE|dataflow.RECEIVED_ABOVE_EXPECTED");
        assertThat(one(refused(wb -> put(newRow(sheet(wb), 0, "E002", "2026-02", 3, 2), "on_time", 3))))
                .isEqualTo("4|on_time|RULE|dataflow.ON_TIME_ABOVE_RECEIVED");
        assertThat(one(refused(wb -> newRow(sheet(wb), 0, "E002", "2099-01", 1, 1)))).isEqualTo("4|period|RULE|dataflow.PERIOD_FUTURE");
        assertThat(one(refused(wb -> {
            newRow(sheet(wb), 0, "E002", "2026-02", 1, 1);
            newRow(sheet(wb), 1, "E002", "2026-02", 1, 0);
        }))).isEqualTo("5|period|DUPLICATE_ROW");
        assertThat(one(refused(wb -> newRow(sheet(wb), 0, "E002", "février", 1, 1)))).isEqualTo("4|period|RULE|dataflow.PERIOD_FORMAT");
        assertThat(one(refused(wb -> put(newRow(sheet(wb), 0, "E002", "2026-02", 1, 1), "flow", "#999 XYZ"))))
                .isEqualTo("4|flow|UNKNOWN_CODE");
        assertThat(one(refused(wb -> newRow(sheet(wb), 0, "E777", "2026-02", 1, 1)))).isEqualTo("4|essp_code|UNKNOWN_ESSP");
        assertThat(one(refused(wb -> put(recorded(sheet(wb)), "essp_code", "E002")))).isEqualTo("3|essp_code|LOCKED_CHANGED");
        assertThat(one(refused(wb -> put(recorded(sheet(wb)), "expected", -1)))).isEqualTo("3|expected|RULE|dataflow.NEGATIVE");
    }
}
