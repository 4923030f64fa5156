package ma.essp.diag.reporting.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not a catalogue workbook, bad sort orders, a huge sheet: refused cell by cell, the mission untouched. */
class CatalogueImportRefusalTest {

    private static final List<String> CATALOGUE_TABLES = List.of("pms_catalogue_version", "pms_service_area", "pms_service",
            "pms_item", "pms_service_requirement");

    @TempDir
    Path dir;
    MissionFile mission;
    CatalogueVersionRepository repo;
    Path exported;

    @BeforeEach
    void mission() throws Exception {
        mission = MissionFile.create(dir.resolve("m.essp"));
        repo = new CatalogueVersionRepository(mission.dsl(), EditContext.system("test"));
        exported = dir.resolve("pms.xlsx");
        CatalogueWorkbook.export(repo.snapshot(1), repo.version(1), repo.requirementCategories(), exported);
    }

    @AfterEach
    void close() {
        mission.close();
    }

    /** SHA-256 over every row of the catalogue tables: equal before and after means nothing was written. */
    private static String catalogueDigest(DSLContext dsl) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String table : CATALOGUE_TABLES) {
            sha.update(dsl.resultQuery("SELECT * FROM " + table + " ORDER BY rowid").fetch().formatCSV().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private List<String> refused(Path file) throws Exception {
        String before = catalogueDigest(mission.dsl());
        CatalogueImportException[] thrown = new CatalogueImportException[1];
        assertThatThrownBy(() -> CatalogueWorkbook.importAsDraft(file, repo, "x", 1))
                .isInstanceOfSatisfying(CatalogueImportException.class, e -> thrown[0] = e);
        assertThat(catalogueDigest(mission.dsl())).as("the mission's catalogue is unchanged").isEqualTo(before);
        return thrown[0].problems().stream().map(Object::toString).toList();
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefused() throws Exception {
        Path zip = dir.resolve("archive.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("pas un classeur".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(refused(zip)).containsExactly("archive.xlsx: NOT_A_WORKBOOK");
    }

    @Test
    void aTruncatedWorkbookIsRefused() throws Exception {
        byte[] whole = Files.readAllBytes(exported);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(refused(truncated)).containsExactly("truncated.xlsx: NOT_A_WORKBOOK");
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertThat(refused(empty)).containsExactly("empty.xlsx: NOT_A_WORKBOOK");
    }

    @Test
    void anXlsOrACsvRenamedIsRefused() throws Exception {
        Path xls = dir.resolve("old.xlsx");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet(CatalogueWorkbook.AREAS).createRow(0).createCell(0).setCellValue("code");
            wb.write(out);
        }
        assertThat(refused(xls)).containsExactly("old.xlsx: OLD_OR_PROTECTED_WORKBOOK");
        Path csv = Files.writeString(dir.resolve("items.xlsx"), "code,label_fr,sort_order\nAM01,Eau,1\n");
        assertThat(refused(csv)).containsExactly("items.xlsx: NOT_A_WORKBOOK");
    }

    @Test
    void sortOrdersMustBeWholeNumbersInRange() throws Exception {
        int sort = CatalogueWorkbook.ITEM_COLUMNS.indexOf("sort_order");
        try (InputStream in = Files.newInputStream(exported); Workbook wb = WorkbookFactory.create(in)) {
            Sheet items = wb.getSheet(CatalogueWorkbook.ITEMS);
            items.getRow(1).getCell(sort).setCellValue(1e10);         // row 2: the largest integer, before
            items.getRow(2).getCell(sort).setCellValue("Infinity");   // row 3
            items.getRow(3).getCell(sort).setCellValue(-1);           // row 4
            items.getRow(4).getCell(sort).setCellValue(2.5);          // row 5
            items.getRow(5).getCell(sort).setCellValue("1e10");       // row 6: as text
            items.getRow(6).getCell(sort).setCellValue("NaN");        // row 7
            items.getRow(7).getCell(sort).setCellValue(1_000_000);    // row 8: the maximum, accepted
            items.getRow(8).getCell(sort).setCellValue("12");         // row 9: digits as text, accepted
            try (OutputStream out = Files.newOutputStream(exported)) {
                wb.write(out);
            }
        }
        assertThat(refused(exported)).containsExactly(
                "pms.xlsx, sheet Items, row 2, column sort_order: OUT_OF_RANGE [10000000000, 0, 1000000]",
                "pms.xlsx, sheet Items, row 3, column sort_order: NOT_WHOLE_NUMBER [Infinity]",
                "pms.xlsx, sheet Items, row 4, column sort_order: OUT_OF_RANGE [-1, 0, 1000000]",
                "pms.xlsx, sheet Items, row 5, column sort_order: NOT_WHOLE_NUMBER [2.5]",
                "pms.xlsx, sheet Items, row 6, column sort_order: OUT_OF_RANGE [1e10, 0, 1000000]",
                "pms.xlsx, sheet Items, row 7, column sort_order: NOT_WHOLE_NUMBER [NaN]");
    }

    @Test
    void aSheetOfTwoHundredThousandRowsIsRefusedWhileStreaming() throws Exception {
        Path huge = dir.resolve("huge.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(huge)) {
            header(wb.createSheet(CatalogueWorkbook.AREAS), CatalogueWorkbook.AREA_COLUMNS);
            header(wb.createSheet(CatalogueWorkbook.SERVICES), CatalogueWorkbook.SERVICE_COLUMNS);
            Sheet items = header(wb.createSheet(CatalogueWorkbook.ITEMS), CatalogueWorkbook.ITEM_COLUMNS);
            for (int r = 1; r <= 200_000; r++) {
                Row row = items.createRow(r);
                row.createCell(0).setCellValue("IT" + r);
                row.createCell(2).setCellValue("basic_amenities");
                row.createCell(3).setCellValue("Item " + r);
            }
            wb.write(out);
        }
        assertThat(refused(huge)).containsExactly("huge.xlsx, sheet Items: TOO_MANY_ROWS [20000]");
    }

    private static Sheet header(Sheet sheet, List<String> columns) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            row.createCell(i).setCellValue(columns.get(i));
        }
        return sheet;
    }
}
