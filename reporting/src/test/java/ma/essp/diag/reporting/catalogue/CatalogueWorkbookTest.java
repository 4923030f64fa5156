package ma.essp.diag.reporting.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.CatalogueSnapshot;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueWorkbookTest {

    @TempDir
    Path dir;

    private static Path export(CatalogueVersionRepository repo, int version, Path out) throws Exception {
        CatalogueWorkbook.export(repo.snapshot(version), repo.version(version), repo.requirementCategories(), out);
        return out;
    }

    @Test
    void exportThenImportGivesTheSameCatalogueAsANewDraft() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("m.essp"))) {
            CatalogueVersionRepository repo = new CatalogueVersionRepository(mission.dsl(), EditContext.system("test"));
            Path file = export(repo, 1, dir.resolve("pms.xlsx"));
            int imported = CatalogueWorkbook.importAsDraft(file, repo, "PMS v0.2 (atelier Rabat)", 1);
            assertThat(repo.version(imported).status()).isEqualTo(CatalogueVersionRepository.DRAFT);
            assertThat(repo.compare(1, imported).changes()).isEmpty();
            CatalogueSnapshot snapshot = repo.snapshot(imported);
            assertThat(snapshot.items()).hasSize(189);
            assertThat(snapshot.items().stream().filter(i -> !i.inScope()).map(CatalogueSnapshot.Item::code)).containsExactly("DX03");
            assertThat(snapshot.requirements()).hasSameSizeAs(repo.snapshot(1).requirements());
        }
    }

    @Test
    void aFaultyWorkbookIsRefusedWithEveryProblemLocatedAndNothingWritten() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("m.essp"))) {
            CatalogueVersionRepository repo = new CatalogueVersionRepository(mission.dsl(), EditContext.system("test"));
            Path file = export(repo, 1, dir.resolve("pms.xlsx"));
            try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
                Sheet items = wb.getSheet(CatalogueWorkbook.ITEMS);
                int domain = CatalogueWorkbook.ITEM_COLUMNS.indexOf("domain");
                items.getRow(2).getCell(domain).setCellValue("equipement");           // row 3: unknown domain
                items.getRow(3).getCell(0).setCellValue("AM01");                       // row 4: duplicate code
                items.getRow(4).getCell(CatalogueWorkbook.ITEM_COLUMNS.indexOf("label_fr")).setBlank(); // row 5: no label
                items.getRow(5).createCell(CatalogueWorkbook.ITEM_COLUMNS.indexOf("in_scope")).setCellValue("peut-être");
                Sheet services = wb.getSheet(CatalogueWorkbook.SERVICES);
                Row header = services.getRow(0);
                int reqDr = -1;
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    if (header.getCell(c).getStringCellValue().equals("req_DR")) {
                        reqDr = c;
                    }
                }
                services.getRow(1).getCell(reqDr).setCellValue("obligatoire");        // row 2: bad requirement
                try (OutputStream out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            }
            int versionsBefore = repo.versions().size();
            assertThatThrownBy(() -> CatalogueWorkbook.importAsDraft(file, repo, "broken", 1))
                    .isInstanceOfSatisfying(CatalogueImportException.class, e -> assertThat(e.problems())
                            .extracting(Object::toString)
                            .containsExactlyInAnyOrder(
                                    "pms.xlsx, sheet Services, row 2, column req_DR: BAD_REQUIREMENT [obligatoire]",
                                    "pms.xlsx, sheet Items, row 3, column domain: UNKNOWN_DOMAIN [equipement, basic_amenities, "
                                            + "basic_equipment, standard_precautions, diagnostic_capacity, essential_medicines, "
                                            + "staff_guidelines, equipment, diagnostics, medicines_commodities]",
                                    "pms.xlsx, sheet Items, row 4, column code: DUPLICATE_ITEM [AM01]",
                                    "pms.xlsx, sheet Items, row 5, column label_fr: REQUIRED_EMPTY",
                                    "pms.xlsx, sheet Items, row 6, column in_scope: NOT_A_FLAG [peut-être]"));
            assertThat(repo.versions()).hasSize(versionsBefore);
        }
    }

    @Test
    void aMissingSheetOrANonWorkbookIsReported() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("m.essp"))) {
            CatalogueVersionRepository repo = new CatalogueVersionRepository(mission.dsl(), EditContext.system("test"));
            Path notExcel = Files.writeString(dir.resolve("notes.xlsx"), "pas un classeur");
            assertThatThrownBy(() -> CatalogueWorkbook.importAsDraft(notExcel, repo, "x", null))
                    .isInstanceOfSatisfying(CatalogueImportException.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> assertThat(p.toString()).isEqualTo("notes.xlsx: NOT_A_WORKBOOK")));
            Path file = export(repo, 1, dir.resolve("pms.xlsx"));
            try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
                wb.removeSheetAt(wb.getSheetIndex(CatalogueWorkbook.AREAS));
                try (OutputStream out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            }
            assertThatThrownBy(() -> CatalogueWorkbook.importAsDraft(file, repo, "x", null))
                    .isInstanceOfSatisfying(CatalogueImportException.class, e -> assertThat(e.problems())
                            .extracting(Object::toString).contains("pms.xlsx, sheet Areas: SHEET_MISSING"));
        }
    }
}
