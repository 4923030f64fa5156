package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspEditRepository.EsspDraft;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.template.ImportProblem.Reason;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * New ESSPs typed in empty rows of the ESSP template: checked with the registry form's rules, the next free code of the
 * province given when the code cell is empty, and found again by their natural key (code, or name, in the same
 * circonscription) when the same workbook is imported a second time, so that nothing is created twice.
 */
class EsspCreationTemplateTest extends TemplateFixture {

    /** The fixture has six live ESSPs (E001–E006): the first empty row is data row 6 (sheet row 9). */
    private static final int FIRST_NEW = 6;
    /** Tanger-Assilah's HCP code 01.511 without its dot: the digits its ESSP codes start with. */
    private static final String TANGER = "01511";

    EsspCreationTemplateTest() {
        super(TemplateKind.ESSP, new EditContext("member-1", "device-1", java.time.Clock.systemUTC()));
    }

    private void newEssp(Row row, String code, String circonscription, String name) {
        put(row, "code", code);
        put(row, "circonscription", circonscription);
        put(row, "name_fr", name);
        put(row, "category", "DR");
        put(row, "milieu", "rural");
        put(row, "functionality", "fully");
    }

    private int circonscription(String name) {
        return dsl.fetchValue(CIRCONSCRIPTION.ID, CIRCONSCRIPTION.NAME_FR.eq(name));
    }

    @Test
    void theTemplateHasEmptyRowsForNewEsspsWithTheCirconscriptionsOfItsScope() throws Exception {
        try (InputStream in = Files.newInputStream(template()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet s = wb.getSheet("ESSP");
            Row fresh = dataRow(s, FIRST_NEW);
            assertThat(fresh.getCell(0).getStringCellValue()).isEmpty();
            assertThat(fresh.getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(fresh.getCell(1).getCellStyle().getLocked()).as("a new ESSP's code is typed").isFalse();
            assertThat(fresh.getCell(2).getCellStyle().getLocked()).as("its circonscription is chosen").isFalse();
            assertThat(dataRow(s, 0).getCell(1).getCellStyle().getLocked()).isTrue();
            // category, milieu, delivery unit, functionality, circonscription
            assertThat(s.getDataValidations()).hasSize(5);
            assertThat(wb.getSheet(FieldTemplate.LISTS).getRow(2).getCell(4).getStringCellValue())
                    .as("the circonscriptions by name").isEqualTo("Circonscription Tanger Médina");
        }
    }

    @Test
    void newRowsCreateEsspsWithTheNextFreeCodesAndASecondImportCreatesNothing() throws Exception {
        Path filled = fill(template(), dir.resolve("filled.xlsx"), wb -> {
            Sheet s = sheet(wb);
            newEssp(dataRow(s, FIRST_NEW), null, "Circonscription Gzenaya", "Dispensaire Jdid");
            put(dataRow(s, FIRST_NEW), "latitude", 35.71);
            put(dataRow(s, FIRST_NEW), "longitude", -5.93);
            newEssp(dataRow(s, FIRST_NEW + 1), TANGER + "-0007", "Circonscription Tanger Médina", "CSU Bir Chifa");
            newEssp(dataRow(s, FIRST_NEW + 2), null, "circonscription gzenaya", "Dispensaire Sidi Yamani");
        });
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(check.problems()).isEmpty();
        assertThat(check.rows()).filteredOn(r -> r instanceof FieldImport.EsspChange e && e.esspId() == 0)
                .extracting(r -> ((FieldImport.EsspChange) r).draft().code())
                // the empty codes get 0001 and 0002: none is used yet, 0007 is typed in the workbook
                .containsExactly(TANGER + "-0001", TANGER + "-0007", TANGER + "-0002");
        FieldImport.Result first = FieldImport.apply(dsl, edit, check, false);
        assertThat(first.rowsChanged()).isEqualTo(3);

        EsspRecord jdid = dsl.selectFrom(ESSP).where(ESSP.CODE.eq(TANGER + "-0001")).fetchSingle();
        assertThat(jdid.getNameFr()).isEqualTo("Dispensaire Jdid");
        assertThat(jdid.getCirconscriptionId()).isEqualTo(circonscription("Circonscription Gzenaya"));
        assertThat(jdid.getLatitude()).isEqualTo(35.71);
        assertThat(jdid.getVersion()).isEqualTo(1);
        assertThat(jdid.getUpdatedBy()).isEqualTo("member-1");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ROW_UUID.eq(jdid.getUuid()))).as("its creation is audited").isPositive();
        assertThat(dsl.fetchValue(ESSP.CIRCONSCRIPTION_ID, ESSP.CODE.eq(TANGER + "-0007")))
                .isEqualTo(circonscription("Circonscription Tanger Médina"));
        assertThat(dsl.fetchValue(ESSP.NAME_FR, ESSP.CODE.eq(TANGER + "-0002"))).isEqualTo("Dispensaire Sidi Yamani");
        assertThat(dsl.fetchCount(ESSP)).isEqualTo(7 + 3);

        int audit = dsl.fetchCount(AUDIT_LOG);
        String before = checksum(mission.path());
        FieldImport.Check again = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(again.problems()).as("the new rows are found again by code, or by name, in their circonscription").isEmpty();
        FieldImport.Result second = FieldImport.apply(dsl, edit, again, false);
        assertThat(second.rowsChanged()).isZero();
        assertThat(dsl.fetchCount(ESSP)).isEqualTo(10);
        assertThat(dsl.fetchCount(AUDIT_LOG)).isEqualTo(audit);
        assertThat(checksum(mission.path())).isEqualTo(before);
    }

    @Test
    void aNewEsspIsCheckedWithTheRegistryFormsRules() throws Exception {
        // a deleted ESSP keeps its code: codes are never reused
        int id = new EsspEditRepository(dsl, EditContext.system("setup")).create(new EsspDraft(TANGER + "-0003", "Ancien dispensaire",
                null, "DR", circonscription("Circonscription Gzenaya"), null, "rural", false, null, null, null, "fully", null, null,
                null, null));
        dsl.update(ESSP).set(ESSP.DELETED, true).where(ESSP.ID.eq(id)).execute();

        List<ImportProblem> taken = refused(wb -> newEssp(dataRow(sheet(wb), FIRST_NEW), TANGER + "-0003", "Circonscription Gzenaya", "Dispensaire Jdid"));
        assertThat(oneWithValue(taken)).isEqualTo("9|code|01511-0003|CODE_TAKEN");
        assertThat(taken.getFirst().args()).as("the next free code is proposed").containsExactly(TANGER + "-0004");
        assertThat(new TemplateWords(ReportLanguage.EN).problem(taken.getFirst())).contains("01511-0004");

        assertThat(oneWithValue(refused(wb -> newEssp(dataRow(sheet(wb), FIRST_NEW), "E1", "Circonscription Gzenaya", "Dispensaire Jdid"))))
                .isEqualTo("9|code|E1|RULE|CODE_FORMAT");
        assertThat(oneWithValue(refused(wb -> newEssp(dataRow(sheet(wb), FIRST_NEW), "02000-0001", "Circonscription Gzenaya", "Dispensaire Jdid"))))
                .isEqualTo("9|code|02000-0001|RULE|CODE_PROVINCE");
        assertThat(oneWithValue(refused(wb -> newEssp(dataRow(sheet(wb), FIRST_NEW), null, null, "Dispensaire Jdid"))))
                .isEqualTo("9|circonscription||RULE|CIRCONSCRIPTION_REQUIRED");
        assertThat(oneWithValue(refused(wb -> newEssp(dataRow(sheet(wb), FIRST_NEW), null, "Circonscription Paris", "Dispensaire Jdid"))))
                .isEqualTo("9|circonscription|Circonscription Paris|UNKNOWN_CODE");
        assertThat(oneWithValue(refused(wb -> newEssp(dataRow(sheet(wb), FIRST_NEW), null, "Circonscription Gzenaya", null))))
                .isEqualTo("9|name_fr|null|RULE|NAME_REQUIRED");
        assertThat(oneWithValue(refused(wb -> {
            newEssp(dataRow(sheet(wb), FIRST_NEW), null, "Circonscription Gzenaya", "Dispensaire Jdid");
            put(dataRow(sheet(wb), FIRST_NEW), "latitude", 10.0);
            put(dataRow(sheet(wb), FIRST_NEW), "longitude", -6.0);
        }))).isEqualTo("9|latitude|10|RULE|LATITUDE_OUTSIDE");
        assertThat(oneWithValue(refused(wb -> {
            newEssp(dataRow(sheet(wb), FIRST_NEW), null, "Circonscription Gzenaya", "Dispensaire Jdid");
            newEssp(dataRow(sheet(wb), FIRST_NEW + 1), null, "Circonscription Gzenaya", "DISPENSAIRE  jdid");
        }))).as("the same name twice in one circonscription").isEqualTo("10|name_fr|DISPENSAIRE  jdid|DUPLICATE_ROW");
        assertThat(refused(wb -> newEssp(dataRow(sheet(wb), FIRST_NEW), "E001", "Circonscription Tanger Médina", "CSU Médina")))
                .as("a new row naming a listed ESSP by its code is that ESSP twice").extracting(ImportProblem::reason)
                .containsExactly(Reason.DUPLICATE_ROW);
    }
}
