package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.template.ImportProblem.Reason;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input is refused with its own problem, at its sheet, row and column, and the mission file is unchanged
 * (checksum of the file and its write-ahead log); the explicit "valid rows only" import writes the valid rows alone.
 */
class FieldImportRefusalTest extends TemplateFixture {

    FieldImportRefusalTest() {
        super(TemplateKind.ESSP);
    }

    Path esspTemplate;

    @BeforeEach
    void open() throws Exception {
        esspTemplate = dir.resolve("essp.xlsx");
        FieldTemplate.write(dsl, mission.schemaVersion(), TemplateKind.ESSP, ReportScope.NATIONAL, ReportLanguage.FR, esspTemplate);
    }

    private List<ImportProblem> refusedEssp(Consumer<Workbook> edit) throws Exception {
        return refused(fill(esspTemplate, dir.resolve("filled.xlsx"), edit));
    }

    private static String oneOnSheet(List<ImportProblem> problems) {
        assertThat(problems).hasSize(1);
        ImportProblem p = problems.getFirst();
        return p.sheet() + "|" + p.row() + "|" + p.column() + "|" + p.value() + "|" + p.reason();
    }

    @Test
    void aTemplateOfAnotherMissionIsRefused() throws Exception {
        Path other;
        try (MissionFile m2 = FixtureMission.create(dir.resolve("other.essp"))) {
            other = dir.resolve("other.xlsx");
            FieldTemplate.write(m2.dsl(), m2.schemaVersion(), TemplateKind.ESSP, ReportScope.NATIONAL, ReportLanguage.FR, other);
        }
        assertThat(refused(other)).extracting(ImportProblem::reason).containsExactly(Reason.OTHER_MISSION);
    }

    @Test
    void anAssessmentTemplateOfAnOlderCatalogueVersionIsRefused() throws Exception {
        Path t = dir.resolve("assessment.xlsx");
        FieldTemplate.write(dsl, mission.schemaVersion(), TemplateKind.ASSESSMENT, ReportScope.NATIONAL, ReportLanguage.FR, t);
        CatalogueVersionRepository catalogue = new CatalogueVersionRepository(dsl, edit);
        int v2 = catalogue.draftFrom(catalogue.versionForNewAssessment(), "PMS 2027");
        catalogue.publish(v2, catalogue.version(v2).version(), LocalDate.of(2026, 1, 5));
        List<ImportProblem> problems = refused(t);
        assertThat(problems).extracting(ImportProblem::reason).containsExactly(Reason.OTHER_CATALOGUE);
        assertThat(problems.getFirst().args()).last().isEqualTo("PMS 2027");
    }

    @Test
    void unknownCodesWrongTypesAndOutOfRangeValuesAreNamedCellByCell() throws Exception {
        List<ImportProblem> problems = refusedEssp(wb -> {
            Sheet s = wb.getSheet("ESSP");
            set(s, "E001", "functionality", "peut-être");
            set(s, "E002", "latitude", "trente-cinq");
            set(s, "E002", "longitude", -5.8);
            set(s, "E003", "latitude", 50.0);
            set(s, "E003", "longitude", -5.8);
            set(s, "E004", "population_served", "beaucoup");
            set(s, "E005", "category", "HOPITAL");
            set(s, "E006", "name_fr", null);
        });
        // rows: header keys 1, labels 2, then E001..E006 on rows 3..8 (by code)
        assertThat(problems).extracting(p -> p.row() + "|" + p.column() + "|" + p.reason() + (p.reason() == Reason.RULE ? ":" + p.args().getFirst() : ""))
                .containsExactly("3|functionality|UNKNOWN_CODE", "4|latitude|RULE:NOT_A_NUMBER", "5|latitude|RULE:LATITUDE_OUTSIDE",
                        "6|population_served|RULE:POPULATION_NUMBER", "7|category|UNKNOWN_CODE", "8|name_fr|RULE:NAME_REQUIRED");
        assertThat(new TemplateWords(ReportLanguage.FR).problem(problems.get(2))).isEqualTo("Latitude hors du Maroc : entre 20.5 et 36.0.");
        // the message in the user's language, the accepted values as the (French) workbook's drop-down offers them
        assertThat(new TemplateWords(ReportLanguage.EN).problem(problems.getFirst()))
                .isEqualTo("Unknown value; accepted values: fonctionnel, partiellement fonctionnel, non fonctionnel.");
    }

    @Test
    void aFormulaInAnAnswerCellIsRefusedWhateverItsCachedValue() throws Exception {
        assertThat(oneOnSheet(refusedEssp(wb -> FieldTemplateTestSupport.rowOf(wb.getSheet("ESSP"), "E002")
                .getCell(FieldTemplate.ESSP_COLUMNS.indexOf("population_served")).setCellFormula("1000*40"))))
                .as("the value is the cached one, not trusted").isEqualTo("ESSP|4|population_served|40000|FORMULA");
    }

    @Test
    void aDuplicateRowAndAChangedLockedCodeAreRefused() throws Exception {
        List<ImportProblem> problems = refusedEssp(wb -> {
            Sheet s = wb.getSheet("ESSP");
            Row copy = s.getRow(FieldTemplate.FIRST_DATA_ROW - 1 + 6); // the first empty row below the six ESSPs
            Row e1 = FieldTemplateTestSupport.rowOf(s, "E001");
            for (int c = 0; c < FieldTemplate.ESSP_COLUMNS.size(); c++) {
                if (e1.getCell(c) != null && e1.getCell(c).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    copy.createCell(c).setCellValue(e1.getCell(c).getStringCellValue());
                }
            }
            FieldTemplateTestSupport.rowOf(s, "E003").getCell(1).setCellValue("E777");
        });
        assertThat(problems).extracting(p -> p.row() + "|" + p.column() + "|" + p.value() + "|" + p.reason() + p.args())
                .containsExactly("5|code|E777|LOCKED_CHANGED[E003]", "9|uuid|" + uuidOf("E001") + "|DUPLICATE_ROW[3]");
    }

    private String uuidOf(String code) {
        return dsl.select(ESSP.UUID).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne(ESSP.UUID);
    }

    @Test
    void extraMissingAndRenamedColumnsAreNamed() throws Exception {
        List<ImportProblem> problems = refusedEssp(wb -> {
            Row keys = wb.getSheet("ESSP").getRow(0);
            keys.getCell(FieldTemplate.ESSP_COLUMNS.indexOf("notes")).setCellValue("remarks");
            keys.getCell(FieldTemplate.ESSP_COLUMNS.indexOf("address")).setBlank();
            keys.createCell(FieldTemplate.ESSP_COLUMNS.size()).setCellValue("phone");
        });
        assertThat(problems).extracting(p -> p.column() + "|" + p.reason())
                .containsExactly("address|COLUMN_MISSING", "notes|COLUMN_RENAMED", "phone|COLUMN_EXTRA");
        assertThat(problems).allMatch(ImportProblem::structural);
    }

    @Test
    void anExtraOrRenamedSheetIsNamed() throws Exception {
        assertThat(refusedEssp(wb -> wb.createSheet("Mes notes"))).extracting(p -> p.sheet() + "|" + p.reason())
                .containsExactly("Mes notes|SHEET_EXTRA");
        assertThat(refusedEssp(wb -> wb.setSheetName(wb.getSheetIndex("ESSP"), "Registre"))).extracting(p -> p.sheet() + "|" + p.reason())
                .containsExactly("Registre|SHEET_EXTRA", "ESSP|SHEET_MISSING");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(esspTemplate);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(oneOnSheet(refused(truncated))).isEqualTo("null|null|null|null|NOT_A_WORKBOOK");
    }

    @Test
    void aPasswordProtectedWorkbookIsRefused() throws Exception {
        Path encrypted = dir.resolve("encrypted.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (java.io.InputStream in = Files.newInputStream(esspTemplate); Workbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in);
                 OutputStream os = encryptor.getDataStream(fs)) {
                wb.write(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(oneOnSheet(refused(encrypted))).endsWith("|ENCRYPTED");
    }

    @Test
    void xlsAndCsvFilesAreRefused() throws Exception {
        Path xls = dir.resolve("old.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet("ESSP").createRow(0).createCell(0).setCellValue("uuid");
            wb.write(out);
        }
        assertThat(oneOnSheet(refused(xls))).endsWith("|XLS_FILE");
        Path csv = Files.writeString(dir.resolve("essp.csv"), "uuid;code\nabc;E001\n", StandardCharsets.UTF_8);
        assertThat(oneOnSheet(refused(csv))).endsWith("|CSV_FILE");
        assertThat(oneOnSheet(refused(dir.resolve("absent.xlsx")))).endsWith("|NO_SUCH_FILE");
    }

    @Test
    void aWorkbookThatIsNoTemplateIsRefused() throws Exception {
        assertThat(oneOnSheet(refusedEssp(wb -> wb.removeSheetAt(wb.getSheetIndex(FieldTemplate.META))))).endsWith("|NOT_A_TEMPLATE");
    }

    @Test
    void onlyTheValidRowsAreImportedWhenTheUserChoosesSo() throws Exception {
        Path filled = fill(esspTemplate, dir.resolve("filled.xlsx"), wb -> {
            Sheet s = wb.getSheet("ESSP");
            set(s, "E001", "population_served", 33_000);
            set(s, "E002", "population_served", -5);
        });
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), filled);
        assertThat(check.problems()).extracting(p -> p.row() + "|" + p.args().getFirst()).containsExactly("4|POPULATION_NEGATIVE");
        assertThat(check.invalidRows()).isEqualTo(1);
        assertThat(check.validRows()).hasSize(5);
        FieldImport.Result result = FieldImport.apply(dsl, edit, check, true);
        assertThat(result.rowsChanged()).isEqualTo(1);
        assertThat(dsl.select(ESSP.POPULATION_SERVED).from(ESSP).where(ESSP.CODE.eq("E001")).fetchOne(ESSP.POPULATION_SERVED)).isEqualTo(33_000);
        assertThat(dsl.select(ESSP.POPULATION_SERVED).from(ESSP).where(ESSP.CODE.eq("E002")).fetchOne(ESSP.POPULATION_SERVED)).isEqualTo(40_000);
    }

    @Test
    void theReportListsEveryProblemInTheUsersLanguage() throws Exception {
        Path filled = fill(esspTemplate, dir.resolve("filled.xlsx"), wb -> set(wb.getSheet("ESSP"), "E002", "milieu", "montagne"));
        FieldImport.Check check = FieldImport.check(dsl, mission.schemaVersion(), filled);
        Path report = ImportReport.besides(filled);
        assertThat(report.getFileName().toString()).isEqualTo("filled-report.xlsx");
        ImportReport.write(check, new TemplateWords(ReportLanguage.FR), report);
        try (Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(report.toFile(), null, true)) {
            Sheet s = wb.getSheet("Rapport");
            assertThat(s.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("6 lignes lues, 1 avec un problème, 1 problèmes : rien n'est importé tant qu'ils ne sont pas corrigés.");
            Row r = s.getRow(3);
            assertThat(List.of(r.getCell(0).getStringCellValue(), (int) r.getCell(1).getNumericCellValue(), r.getCell(2).getStringCellValue(),
                    r.getCell(3).getStringCellValue(), r.getCell(4).getStringCellValue()))
                    .containsExactly("ESSP", 4, "milieu", "montagne", "Valeur inconnue ; valeurs acceptées : rural, urbain.");
        }
    }
}
