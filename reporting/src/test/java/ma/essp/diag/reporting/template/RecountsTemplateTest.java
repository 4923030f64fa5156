package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.DATA_VERIFICATION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.DataVerificationRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.export.ReportScope;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data verification template ({@code --kind recounts}): pre-filled with the scope's recounts, rows added below,
 * checked with {@code DataFlowRules.recount} (the screen's rules), imported in one go, a second import changing
 * nothing; every bad input refused with its problem and the mission file unchanged.
 */
class RecountsTemplateTest extends TemplateFixture {

    RecountsTemplateTest() {
        super(TemplateKind.RECOUNTS, new EditContext("member-1", "device-1", Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC)));
    }

    String anc1Uuid;
    String e005Uuid;

    @BeforeEach
    void open() throws Exception {
        DataFlowRepository flows = new DataFlowRepository(dsl, EditContext.system("setup"));
        int a = flows.saveRecount(new DataFlowData.Recount(0, 0, esspId("E001"), "ANC1", "2026-03", 45, 50, "transcription_error", null));
        int b = flows.saveRecount(new DataFlowData.Recount(0, 0, esspId("E005"), "ANC1", "2026-04", 30, 30, null, "ok"));
        anc1Uuid = dsl.fetchValue(DATA_VERIFICATION.UUID, DATA_VERIFICATION.ID.eq(a));
        e005Uuid = dsl.fetchValue(DATA_VERIFICATION.UUID, DATA_VERIFICATION.ID.eq(b));
    }

    /** The first row without uuid nor code, below the pre-filled ones. */
    private static Row emptyRow(Sheet s) {
        for (int r = FieldTemplate.FIRST_DATA_ROW - 1; ; r++) {
            Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
            Cell uuid = row.getCell(0);
            Cell code = row.getCell(1);
            if ((uuid == null || uuid.getStringCellValue().isEmpty()) && (code == null || code.getStringCellValue().isEmpty())) {
                return row;
            }
        }
    }

    /** A new row at the first empty line: code, indicator, month, recounted, reported. */
    private Row newRow(Sheet s, String code, String indicator, Object period, Object recounted, Object reported) {
        Row row = emptyRow(s);
        put(row, "essp_code", code);
        put(row, "indicator", indicator);
        put(row, "period", period);
        put(row, "recounted", recounted);
        put(row, "reported", reported);
        return row;
    }

    @Test
    void theTemplateHoldsTheScopesRecountsLockedAndEmptyRowsToAdd() throws Exception {
        Path t = template(ReportScope.region(dsl.fetchValue("SELECT r.code FROM region r JOIN province p ON p.region_id = r.id WHERE p.id = "
                + FixtureMission.TANGER_ASSILAH).toString()));
        try (InputStream in = Files.newInputStream(t); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetVisibility(wb.getSheetIndex(FieldTemplate.META))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.getSheet(FieldTemplate.META).getRow(1).getCell(1).getStringCellValue()).isEqualTo("recounts");
            XSSFSheet s = wb.getSheet("Recounts");
            assertThat(s.getProtect()).isTrue();
            // Tanger holds E001 (its recount); E005's recount is in Casablanca
            Row first = s.getRow(FieldTemplate.FIRST_DATA_ROW - 1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(anc1Uuid);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("E001");
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("2026-03");
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(45.0);
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("erreur de transcription");
            assertThat(first.getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(first.getCell(1).getCellStyle().getLocked()).as("a recorded row's ESSP").isTrue();
            Row empty = s.getRow(FieldTemplate.FIRST_DATA_ROW);
            assertThat(empty.getCell(0).getCellStyle().getLocked()).as("a new row has no uuid").isTrue();
            assertThat(empty.getCell(1).getCellStyle().getLocked()).as("a new row's ESSP is typed").isFalse();
            assertThat(empty.getCell(4).getCellStyle().getDataFormatString()).as("the month stays text").isEqualTo("@");
            assertThat(s.getLastRowNum() + 1 - (FieldTemplate.FIRST_DATA_ROW - 1)).isEqualTo(1 + FieldTemplate.NEW_ROWS);
            assertThat(s.getDataValidations()).hasSize(1); // the reason
            assertThat(s.getDataValidations().getFirst().getRegions().getCellRangeAddress(0).getLastRow())
                    .isEqualTo(FieldTemplate.FIRST_DATA_ROW - 1 + FieldTemplate.NEW_ROWS);
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Code ESSP (à saisir pour une nouvelle ligne)");
        }
    }

    @Test
    void recountsTypedInTheWorkbookLandInTheMissionAndASecondImportChangesNothing() throws Exception {
        Path filled = fill(template(ReportScope.NATIONAL), dir.resolve("filled.xlsx"), wb -> {
            Sheet s = wb.getSheet("Recounts");
            Row anc1 = rowOfUuid(s, anc1Uuid);
            put(anc1, "recounted", 48);
            put(anc1, "reason", "saisie tardive");
            Row added = newRow(s, "E003", "ANC1", "2026-05", 12, 15);
            put(added, "reason", "register_missing");
            put(added, "notes", "registre 2026 égaré");
            newRow(s, "E002", "Vaccination", LocalDate.of(2026, 2, 15), 100, 100);
        });
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(check.problems()).isEmpty();
        assertThat(check.dataRows()).isEqualTo(4);
        FieldImport.Result result = FieldImport.apply(dsl, edit, check, false);
        // E001 ANC1: recounted + reason; E003: indicator, month, recounted, reported, reason, notes; E002: 4 values
        assertThat(result.rowsChanged()).isEqualTo(3);
        assertThat(result.valuesChanged()).isEqualTo(2 + 6 + 4);

        DataVerificationRecord a = dsl.selectFrom(DATA_VERIFICATION).where(DATA_VERIFICATION.UUID.eq(anc1Uuid)).fetchSingle();
        assertThat(a.getRecounted()).isEqualTo(48);
        assertThat(a.getReported()).isEqualTo(50);
        assertThat(a.getReason()).isEqualTo("late_entry");
        assertThat(a.getVersion()).isEqualTo(2);
        assertThat(a.getUpdatedBy()).isEqualTo("member-1");
        DataVerificationRecord e3 = dsl.selectFrom(DATA_VERIFICATION).where(DATA_VERIFICATION.ESSP_ID.eq(esspId("E003"))).fetchSingle();
        assertThat(List.of(e3.getIndicator(), e3.getPeriod(), e3.getRecounted(), e3.getReported(), e3.getReason(), e3.getNotes()))
                .containsExactly("ANC1", "2026-05", 12, 15, "register_missing", "registre 2026 égaré");
        DataVerificationRecord e2 = dsl.selectFrom(DATA_VERIFICATION).where(DATA_VERIFICATION.ESSP_ID.eq(esspId("E002"))).fetchSingle();
        assertThat(e2.getPeriod()).as("an Excel date is its month").isEqualTo("2026-02");
        assertThat(dsl.fetchCount(DATA_VERIFICATION)).isEqualTo(4);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.TABLE_NAME.eq("data_verification").and(AUDIT_LOG.MEMBER_UUID.eq("member-1"))))
                .isPositive();

        int audit = dsl.fetchCount(AUDIT_LOG);
        String before = checksum(mission.path());
        FieldImport.Check again = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(again.problems()).as("the added rows are found again by ESSP, indicator and month").isEmpty();
        FieldImport.Result second = FieldImport.apply(dsl, edit, again, false);
        assertThat(second.rowsChanged()).isZero();
        assertThat(second.valuesChanged()).isZero();
        assertThat(dsl.fetchCount(DATA_VERIFICATION)).isEqualTo(4);
        assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(audit);
        assertThat(checksum(mission.path())).as("the mission file is unchanged").isEqualTo(before);
    }

    @Test
    void aMonthInTheFutureOrBadlyWrittenIsRefused() throws Exception {
        // rows: 3 = E001 ANC1 2026-03, 4 = E005 ANC1 2026-04, 5.. empty
        assertThat(oneWithValue(refused(wb -> newRow(sheet(wb), "E003", "ANC1", "2099-01", 1, 1))))
                .isEqualTo("5|period|2099-01|RULE|dataflow.PERIOD_FUTURE");
        assertThat(oneWithValue(refused(wb -> newRow(sheet(wb), "E003", "ANC1", "mars 2026", 1, 1))))
                .isEqualTo("5|period|mars 2026|RULE|dataflow.MONTH_FORMAT");
    }

    @Test
    void negativeNonNumericAndUnknownReasonAreRefused() throws Exception {
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), anc1Uuid), "recounted", -3))))
                .isEqualTo("3|recounted|-3|RULE|dataflow.NEGATIVE");
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), anc1Uuid), "reported", "douze"))))
                .isEqualTo("3|reported|douze|NOT_A_NUMBER");
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), anc1Uuid), "recounted", 4.5))))
                .isEqualTo("3|recounted|4.5|NOT_A_NUMBER");
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), e005Uuid), "reason", "oubli"))))
                .isEqualTo("4|reason|oubli|UNKNOWN_CODE");
    }

    @Test
    void anUnknownOrOutOfScopeEsspAMissingCodeOrIndicatorAreRefused() throws Exception {
        assertThat(oneWithValue(refused(wb -> newRow(sheet(wb), "E777", "ANC1", "2026-01", 1, 1))))
                .isEqualTo("5|essp_code|E777|RULE|dataflow.ESSP_UNKNOWN");
        assertThat(oneWithValue(refused(wb -> newRow(sheet(wb), "E099", "ANC1", "2026-01", 1, 1))))
                .as("a deleted ESSP").isEqualTo("5|essp_code|E099|RULE|dataflow.ESSP_UNKNOWN");
        assertThat(oneWithValue(refused(wb -> newRow(sheet(wb), null, "ANC1", "2026-01", 1, 1))))
                .isEqualTo("5|essp_code||REQUIRED_EMPTY");
        assertThat(oneWithValue(refused(wb -> newRow(sheet(wb), "E003", null, "2026-01", 1, 1))))
                .isEqualTo("5|indicator||RULE|dataflow.INDICATOR_REQUIRED");
    }

    @Test
    void duplicatesInTheFileOrWithARecordedRowAreRefused() throws Exception {
        assertThat(oneWithValue(refused(wb -> {
            newRow(sheet(wb), "E003", "ANC1", "2026-01", 1, 1);
            newRow(sheet(wb), "E003", "anc1", "2026-01", 2, 2);
        }))).isEqualTo("6|period|2026-01|DUPLICATE_ROW");
        assertThat(oneWithValue(refused(wb -> {
            newRow(sheet(wb), "E001", "ANC1", "2026-03", 1, 1); // the key of row 3, which also names it
        }))).isEqualTo("5|period|2026-03|DUPLICATE_ROW");
    }

    @Test
    void aRecordedRowMovedOntoTheKeyOfARowTheWorkbookNoLongerHoldsIsADuplicate() throws Exception {
        new DataFlowRepository(dsl, edit).saveRecount(new DataFlowData.Recount(0, 0, esspId("E001"), "ANC1", "2026-04", 9, 9, null, null));
        assertThat(oneWithValue(refused(wb -> {
            Sheet s = sheet(wb);
            Row april = null;
            for (Row row : s) {
                if (row.getRowNum() >= 2 && row.getCell(4) != null && "2026-04".equals(row.getCell(4).getStringCellValue())
                        && "E001".equals(row.getCell(1).getStringCellValue())) {
                    april = row;
                }
            }
            s.removeRow(april);
            put(rowOfUuid(s, anc1Uuid), "period", "2026-04");
        }))).isEqualTo("3|period|2026-04|RULE|dataflow.DUPLICATE");
    }

    @Test
    void lockedCellsUnknownUuidsFormulasAndRenamedColumnsAreRefused() throws Exception {
        assertThat(oneWithValue(refused(wb -> put(rowOfUuid(sheet(wb), anc1Uuid), "essp_code", "E002"))))
                .isEqualTo("3|essp_code|E002|LOCKED_CHANGED");
        assertThat(oneWithValue(refused(wb -> {
            Row row = newRow(sheet(wb), "E003", "ANC1", "2026-01", 1, 1);
            put(row, "uuid", "3f1c0000-0000-0000-0000-000000000000");
        }))).isEqualTo("5|uuid|3f1c0000-0000-0000-0000-000000000000|UNKNOWN_ROW");
        assertThat(oneWithValue(refused(wb -> rowOfUuid(sheet(wb), anc1Uuid).getCell(5).setCellFormula("40+8"))))
                .isEqualTo("3|recounted|45|FORMULA");
        assertThat(oneWithValue(refused(wb -> sheet(wb).getRow(0).getCell(5).setCellValue("recount"))))
                .isEqualTo("1|recounted|recount|COLUMN_RENAMED");
    }
}
