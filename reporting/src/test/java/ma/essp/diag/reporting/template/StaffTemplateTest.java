package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StaffRepository.PositionDraft;
import ma.essp.diag.reporting.template.ImportProblem.Reason;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff template ({@code --kind staff}): the scope's ESSP positions pre-filled, new positions in the rows prepared
 * with their uuid (so a second import creates nothing), the HR grid's codes and limits; every bad input refused with
 * the mission file unchanged.
 */
class StaffTemplateTest extends TemplateFixture {

    StaffTemplateTest() {
        super(TemplateKind.STAFF, new EditContext("member-1", "device-1", Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC)));
    }

    String nurseUuid;
    String midwifeUuid;

    @BeforeEach
    void open() throws Exception {
        StaffRepository staff = new StaffRepository(dsl, EditContext.system("setup"));
        int nurse = staff.create(new PositionDraft(esspId("E001"), null, "nurse", "ministry", "filled", 1.0, "f", "Fatima Z.", null, null));
        int midwife = staff.create(new PositionDraft(esspId("E005"), null, "midwife", "gst", "contract", 0.5, null, null, null, null));
        nurseUuid = dsl.fetchValue(STAFF_POSITION.UUID, STAFF_POSITION.ID.eq(nurse));
        midwifeUuid = dsl.fetchValue(STAFF_POSITION.UUID, STAFF_POSITION.ID.eq(midwife));
    }

    /** The {@code i}-th row prepared for a new position (0-based; 2 positions are pre-filled on rows 3 and 4). */
    private static Row prepared(Sheet s, int i) {
        return s.getRow(FieldTemplate.FIRST_DATA_ROW - 1 + 2 + i);
    }

    @Test
    void theTemplateHoldsThePositionsAndRowsPreparedForNewOnesWithTheirUuid() throws Exception {
        Path t = template();
        try (InputStream in = Files.newInputStream(t); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("Staff");
            assertThat(s.getProtect()).isTrue();
            Row nurse = rowOfUuid(s, nurseUuid);
            assertThat(nurse.getRowNum()).isEqualTo(2);
            assertThat(nurse.getCell(1).getStringCellValue()).isEqualTo("E001");
            assertThat(nurse.getCell(3).getStringCellValue()).isEqualTo("Infirmier(ère) polyvalent(e)");
            assertThat(nurse.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            assertThat(nurse.getCell(1).getCellStyle().getLocked()).isTrue();
            assertThat(nurse.getCell(3).getCellStyle().getLocked()).isFalse();
            Row fresh = prepared(s, 0);
            assertThat(fresh.getCell(0).getStringCellValue()).hasSize(36);
            assertThat(fresh.getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(fresh.getCell(1).getCellStyle().getLocked()).isFalse();
            assertThat(prepared(s, 1).getCell(0).getStringCellValue()).isNotEqualTo(fresh.getCell(0).getStringCellValue());
            // cadre, employer, status, gender
            assertThat(s.getDataValidations()).hasSize(4);
        }
        // the prepared rows alone are no data
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), t);
        assertThat(check.problems()).isEmpty();
        assertThat(check.dataRows()).isEqualTo(2);
    }

    @Test
    void positionsTypedInTheWorkbookLandInTheMissionAndASecondImportChangesNothing() throws Exception {
        Path filled = fill(template(), dir.resolve("filled.xlsx"), wb -> {
            Sheet s = sheet(wb);
            put(rowOfUuid(s, midwifeUuid), "status", "pourvu");
            put(rowOfUuid(s, midwifeUuid), "fte", "80%");
            Row added = prepared(s, 0);
            put(added, "essp_code", "E003");
            put(added, "cadre", "Sage-femme");
            put(added, "gender", "f");
            put(added, "fte", 0.5);
            Row vacant = prepared(s, 5);
            put(vacant, "essp_code", "E002");
            put(vacant, "cadre", "doctor_gp");
            put(vacant, "status", "vacant");
        });
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(check.problems()).isEmpty();
        assertThat(check.dataRows()).isEqualTo(4);
        FieldImport.Result result = FieldImport.apply(dsl, edit, check, false);
        // midwife: status + FTE; new E003: cadre, gender, FTE; new E002: cadre, status
        assertThat(result.rowsChanged()).isEqualTo(3);
        assertThat(result.valuesChanged()).isEqualTo(2 + 3 + 2);

        StaffPositionRecord midwife = dsl.selectFrom(STAFF_POSITION).where(STAFF_POSITION.UUID.eq(midwifeUuid)).fetchSingle();
        assertThat(midwife.getStatus()).isEqualTo("filled");
        assertThat(midwife.getFte()).isEqualTo(0.8);
        assertThat(midwife.getEmployer()).isEqualTo("gst");
        assertThat(midwife.getVersion()).isEqualTo(2);
        StaffPositionRecord e3 = dsl.selectFrom(STAFF_POSITION).where(STAFF_POSITION.ESSP_ID.eq(esspId("E003"))).fetchSingle();
        assertThat(List.of(e3.getCadreCode(), e3.getEmployer(), e3.getStatus(), e3.getGender()))
                .containsExactly("midwife", "ministry", "filled", "f");
        assertThat(e3.getFte()).isEqualTo(0.5);
        assertThat(e3.getUpdatedBy()).isEqualTo("member-1");
        StaffPositionRecord e2 = dsl.selectFrom(STAFF_POSITION).where(STAFF_POSITION.ESSP_ID.eq(esspId("E002"))).fetchSingle();
        assertThat(e2.getStatus()).isEqualTo("vacant");
        assertThat(e2.getFte()).isEqualTo(1.0);
        assertThat(dsl.fetchCount(STAFF_POSITION)).isEqualTo(4);

        int audit = dsl.fetchCount(AUDIT_LOG);
        String before = checksum(mission.path());
        FieldImport.Check again = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(again.problems()).isEmpty();
        FieldImport.Result second = FieldImport.apply(dsl, edit, again, false);
        assertThat(second.rowsChanged()).isZero();
        assertThat(dsl.fetchCount(STAFF_POSITION)).as("the new positions are found again by their uuid").isEqualTo(4);
        assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(audit);
        assertThat(checksum(mission.path())).isEqualTo(before);
    }

    @Test
    void unknownCodesOutOfRangeFteAndMissingCadreAreRefused() throws Exception {
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), nurseUuid), "cadre", "chirurgien")))).isEqualTo("3|cadre|chirurgien|UNKNOWN_CODE");
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), nurseUuid), "status", "retraité")))).isEqualTo("3|status|retraité|UNKNOWN_CODE");
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), nurseUuid), "fte", 1.5)))).isEqualTo("3|fte|1.5|OUT_OF_RANGE");
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), nurseUuid), "fte", "plein")))).isEqualTo("3|fte|plein|NOT_A_NUMBER");
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), nurseUuid), "cadre", null)))).isEqualTo("3|cadre||REQUIRED_EMPTY");
    }

    @Test
    void newRowsWithoutOrWithAnUnknownEsspOrUuidAreRefused() throws Exception {
        assertThat(oneWithValue(refused(wb -> put(prepared(sheet(wb), 0), "cadre", "nurse")))).isEqualTo("5|essp_code||REQUIRED_EMPTY");
        assertThat(oneWithValue(refused(wb -> {
            put(prepared(sheet(wb), 0), "essp_code", "E777");
            put(prepared(sheet(wb), 0), "cadre", "nurse");
        }))).isEqualTo("5|essp_code|E777|UNKNOWN_ESSP");
        assertThat(oneWithValue(refused(wb -> {
            Row row = prepared(sheet(wb), 0);
            put(row, "uuid", "3f1c0000-0000-0000-0000-000000000000");
            put(row, "essp_code", "E003");
            put(row, "cadre", "nurse");
        }))).isEqualTo("5|uuid|3f1c0000-0000-0000-0000-000000000000|UNKNOWN_ROW");
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), nurseUuid), "essp_code", "E002")))).isEqualTo("3|essp_code|E002|LOCKED_CHANGED");
        assertThat(oneWithValue(refused(wb -> {
            Row copy = prepared(sheet(wb), 0);
            put(copy, "uuid", nurseUuid);
            put(copy, "essp_code", "E001");
            put(copy, "cadre", "nurse");
        }))).isEqualTo("5|uuid|" + nurseUuid + "|DUPLICATE_ROW");
    }

    @Test
    void aTemplateOfAnotherKindOrARenamedColumnIsRefused() throws Exception {
        assertThat(oneWithValue(refused(wb -> sheet(wb).getRow(0).getCell(6).setCellValue("etp")))).isEqualTo("1|fte|etp|COLUMN_RENAMED");
        assertThat(refused(wb -> wb.setSheetName(wb.getSheetIndex("Staff"), "Personnel"))).extracting(ImportProblem::reason)
                .contains(Reason.SHEET_MISSING);
    }
}
