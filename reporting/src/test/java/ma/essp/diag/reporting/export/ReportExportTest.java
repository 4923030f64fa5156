package ma.essp.diag.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.export.job.ReportExporter;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import ma.essp.diag.reporting.readiness.EsspReadiness;
import ma.essp.diag.reporting.readiness.GapAnalyzer;
import ma.essp.diag.reporting.readiness.ReadinessAggregator;
import ma.essp.diag.reporting.readiness.ReadinessCalculator;
import ma.essp.diag.reporting.readiness.ReadinessResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a fixture mission: the workbook and the PDF are opened again (POI, PDFBox) and checked against the
 * readiness computation of {@code ma.essp.diag.reporting.readiness}.
 */
class ReportExportTest {

    @TempDir
    static Path dir;
    static MissionFile mission;
    static ReadinessResult readiness;

    @BeforeAll
    static void fixture() throws Exception {
        Path file = ReportFixture.small(dir);
        mission = MissionFile.open(file, dir.resolve("backups"));
        readiness = ReadinessCalculator.compute(new ReadinessDataRepository(mission.dsl()).load());
    }

    @AfterAll
    static void close() {
        mission.close();
    }

    private static Path export(String scope, String language, ReportFormat format) throws ExportException {
        Path out = dir.resolve(scope.replace(':', '_') + "-" + language + "." + format.extension());
        ReportRequest request = new ReportRequest(ReportScope.parse(scope), ReportLanguage.fromCode(language), null, null,
                "Test", "v1");
        ReportExporter.export(mission.dsl(), request, format, out, ExportProgress.NONE);
        return out;
    }

    private static Map<String, Integer> headerIndex(Sheet sheet, int headerRow) {
        Map<String, Integer> index = new HashMap<>();
        for (Cell c : sheet.getRow(headerRow)) {
            index.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return index;
    }

    @Test
    void workbookHasTranslatedSheetsFrozenHeadersAndTheReadinessFigures() throws Exception {
        Path file = export("national", "fr", ReportFormat.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).startsWith("Synthèse", "Registre ESSP", "Territoire", "Attributions", "RH", "Matrice RH ESSP-GST", "Disponibilité")
                    .contains("Lacunes", "Besoins", "Flux de données", "Réclamations", "Auteurs de violence", "Formation",
                            "Constats", "Recommandations").endsWith("Lisez-moi");

            XSSFSheet sheet = wb.getSheet("Disponibilité");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings()).isPositive();
            Map<String, Integer> col = headerIndex(sheet, 0);
            int checked = 0;
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                EsspReadiness expected = readiness.essp(row.getCell(col.get("Code")).getStringCellValue());
                Cell index = row.getCell(col.get("Indice général"));
                if (expected.generalIndex() == null) {
                    assertThat(index).isNull();
                } else {
                    assertThat(index.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(index.getNumericCellValue()).isEqualTo(expected.generalIndex());
                    Cell date = row.getCell(col.get("Évalué le"));
                    assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
                    assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected.assessment().assessedOn());
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(readiness.essps().stream().filter(e -> e.generalIndex() != null).count());

            Sheet registry = wb.getSheet("Registre ESSP");
            Map<String, Integer> rc = headerIndex(registry, 0);
            Row formula = null;
            for (Row row : registry) {
                if (row.getRowNum() > 0 && row.getCell(rc.get("Nom")).getStringCellValue().equals(ReportFixture.FORMULA_NAME)) {
                    formula = row;
                }
            }
            assertThat(formula).as("the ESSP named like a formula").isNotNull();
            assertThat(formula.getCell(rc.get("Nom")).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCell(rc.get("Population desservie")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(formula.getCell(rc.get("Personnel en poste")).getCellType()).isEqualTo(CellType.NUMERIC);

            Sheet summary = wb.getSheet("Synthèse");
            AggregateRow nation = ReadinessAggregator.aggregate(readiness, AggregationLevel.NATIONAL).getFirst();
            boolean found = false;
            for (Row row : summary) {
                Cell label = row.getCell(0);
                if (label != null && label.getCellType() == CellType.STRING
                        && label.getStringCellValue().equals("Indice général de disponibilité (SARA)")) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(nation.general().value());
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(wb.getSheet("Lisez-moi").getRow(1).getCell(0).getStringCellValue()).contains("SYNTHÉTIQUES");
            StringBuilder readMe = new StringBuilder();
            wb.getSheet("Lisez-moi").forEach(r -> readMe.append(r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue()).append('\n'));
            assertThat(readMe).contains(ReportCredits.HCP_CREDIT).contains(ReportCredits.OSM_CREDIT);
        }
    }

    /**
     * The next MBA cohort sheet. The fixture's cohorts are all planned MBA cohorts starting the same day: the reference
     * is the last one (highest id). Each: three seminars of three days (9 days), 6 participants (planned: no no-shows),
     * planned lines trainers 3 × 45,000 = 135,000 (÷ 9 days = 15,000 an expert-day) and tuition 250,000 (÷ 6 =
     * 41,666.67 a participant). One cohort: Moroccan experts 9 × 15,000 = 135,000 + tuition 250,000 = 385,000; per
     * participant and per completed participant 385,000 ÷ 6 = 64,166.67; the reference cost 385,000. The same as
     * {@code TrainingFigures.referenceScenario} (the Scénario tab, figures --axis training --by scenario).
     */
    @Test
    void workbookCostsTheNextMbaCohortLikeTheScenarioTab() throws Exception {
        var data = new ma.essp.diag.database.repository.TrainingRepository(mission.dsl()).load();
        var last = data.cohorts().stream().max(java.util.Comparator.comparingInt(
                ma.essp.diag.database.repository.TrainingData.Cohort::id)).orElseThrow();
        var ref = ma.essp.diag.reporting.training.TrainingFigures.referenceScenario(data, last.id());
        Path file = export("national", "fr", ReportFormat.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet sheet = wb.getSheet("Scénario MBA");
            assertThat(sheet).isNotNull();
            Map<String, Double> amounts = new java.util.LinkedHashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isEqualTo(last.name());
                amounts.put(sheet.getRow(r).getCell(1).getStringCellValue(), sheet.getRow(r).getCell(4).getNumericCellValue());
            }
            assertThat(amounts).hasSize(12);
            var within = org.assertj.core.api.Assertions.within(0.01);
            assertThat(amounts.get("Experts marocains (jour)")).isCloseTo(135_000.0, within);
            assertThat(amounts.get("Frais de formation (participant)")).isCloseTo(250_000.0, within);
            assertThat(amounts.get("Experts européens (jour, voyage compris)")).isZero();
            assertThat(amounts.get("Une cohorte")).isCloseTo(385_000.0, within).isCloseTo(ref.result().cohortTotal(), within);
            assertThat(amounts.get("Par participant inscrit")).isCloseTo(64_166.67, within);
            assertThat(amounts.get("Par participant ayant terminé")).isCloseTo(64_166.67, within)
                    .isCloseTo(ref.result().costPerCompleted(), within);
            assertThat(amounts.get("Coût de la cohorte de référence (toutes ses lignes)")).isCloseTo(385_000.0, within);
        }
    }

    @Test
    void territorySheetsCarryTheHeadTheSupervisionVisitsAndTheAttributions() throws Exception {
        Path file = export("national", "fr", ReportFormat.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet territory = wb.getSheet("Territoire");
            // a line "Supervision des ESSP du 2025-07-01 au 2026-06-30" above the header: the as-of year
            assertThat(territory.getRow(0).getCell(0).getStringCellValue()).contains("2025-07-01").contains("2026-06-30");
            Map<String, Integer> col = headerIndex(territory, 1);
            Row planted = null;
            int rows = 0;
            for (Row row : territory) {
                if (row.getRowNum() > 1) {
                    rows++;
                    Cell head = row.getCell(col.get("Chef de circonscription"));
                    if (head != null && head.getStringCellValue().equals(ReportFixture.SUPERVISED_HEAD)) {
                        planted = row;
                    }
                }
            }
            assertThat(rows).isEqualTo(8); // 2 regions x 2 provinces x 2 circonscriptions
            assertThat(planted).isNotNull();
            // 4 visits planted: 2026-01-10 and 2026-05-20 count (same ESSP); 2025-06-30 is a day too early, 2026-07-15 after
            assertThat(planted.getCell(col.get("Visites de supervision (12 mois)")).getNumericCellValue()).isEqualTo(2.0);
            assertThat(planted.getCell(col.get("ESSP visités")).getNumericCellValue()).isEqualTo(1.0);
            assertThat(planted.getCell(col.get("Visites par ESSP")).getNumericCellValue()).isEqualTo(2.0 / 3); // 3 ESSPs
            assertThat(territory.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);

            Sheet attributions = wb.getSheet("Attributions");
            Map<String, Integer> ac = headerIndex(attributions, 0);
            assertThat(attributions.getLastRowNum()).isEqualTo(8 * 4); // four functions recorded per circonscription
            Row first = attributions.getRow(1);
            assertThat(first.getCell(ac.get("Fonction")).getStringCellValue()).isEqualTo("Planification");
            assertThat(first.getCell(ac.get("Personnel (ETP)")).getCellType()).isEqualTo(CellType.NUMERIC);

            Sheet matrix = wb.getSheet("Matrice RH ESSP-GST");
            Map<String, Integer> mc = headerIndex(matrix, 0);
            Cell takeover = matrix.getRow(1).getCell(mc.get("Reprise par le GST"));
            assertThat(DateUtil.isCellDateFormatted(takeover)).isTrue();
            assertThat(takeover.getLocalDateTimeCellValue().toLocalDate()).hasToString(ReportFixture.GST_TAKEOVER);
            assertThat(matrix.getRow(matrix.getLastRowNum()).getCell(mc.get("Reprise par le GST"))).as("second region: no GST date").isNull();
        }
    }

    @Test
    void arabicWorkbookIsRightToLeftWithArabicSheetNames() throws Exception {
        Path file = export("region:01", "ar", ReportFormat.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("ملخص");
            wb.forEach(s -> assertThat(((XSSFSheet) s).isRightToLeft()).as(s.getSheetName()).isTrue());
            // a code such as "E0001" is aligned right explicitly, not left against the next column's figures
            Cell code = wb.getSheetAt(1).getRow(1).getCell(0);
            assertThat(code.getStringCellValue()).startsWith("E");
            assertThat(code.getCellStyle().getAlignment()).isEqualTo(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
        }
    }

    private static List<String> column(Path xlsx, ReportLanguage language, String sheetKey, int column) throws IOException {
        List<String> values = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = wb.getSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(
                    new ReportLabels(language).get("sheet." + sheetKey)));
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(column) != null) {
                    values.add(row.getCell(column).getStringCellValue());
                }
            }
        }
        return values;
    }

    @Test
    void needsAreNamedInTheReportsLanguageWithTheCataloguesLabels() throws Exception {
        List<GapAnalyzer.Need> needs = GapAnalyzer.needs(readiness, e -> true);
        assertThat(needs).isNotEmpty();
        // the fixture assesses the reference catalogue, whose items all carry Arabic and English labels (V3)
        assertThat(needs).allMatch(n -> n.labelAr() != null && !n.labelAr().isBlank() && !n.labelAr().equals(n.labelFr()));
        List<String> fr = column(export("national", "fr", ReportFormat.XLSX), ReportLanguage.FR, "needs", 1);
        List<String> en = column(export("national", "en", ReportFormat.XLSX), ReportLanguage.EN, "needs", 1);
        List<String> ar = column(export("national", "ar", ReportFormat.XLSX), ReportLanguage.AR, "needs", 1);
        assertThat(fr).containsExactlyElementsOf(needs.stream().map(GapAnalyzer.Need::labelFr).toList());
        assertThat(en).containsExactlyElementsOf(needs.stream().map(GapAnalyzer.Need::labelEn).toList());
        assertThat(ar).containsExactlyElementsOf(needs.stream().map(GapAnalyzer.Need::labelAr).toList());
        assertThat(ar).contains("جهاز قياس ضغط الدم").doesNotContain("Tensiomètre");
        assertThat(fr).contains("Tensiomètre");
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
        }
    }

    @Test
    void pdfHasHeadingsFiguresAndEmbeddedFonts() throws Exception {
        Path file = export("region:02", "fr", ReportFormat.PDF);
        String text = text(file);
        assertThat(text).contains("Table des matières", "Résumé exécutif", "1. Relations ESSP – GST et ressources humaines",
                "5. Paquet minimum de soins et disponibilité des services", "Annexe : fiches des ESSP",
                ReportCredits.OSM_CREDIT);
        ReportLabels labels = new ReportLabels(ReportLanguage.FR);
        AggregateRow region = ReadinessAggregator.aggregate(readiness, AggregationLevel.REGION).stream()
                .filter(r -> r.code().equals("02")).findFirst().orElseThrow();
        assertThat(text).contains(labels.number(region.general().value(), 1));
        // table headers are sized so that words are not cut in the middle ("Populatio|n", "Commodité|s")
        assertThat(text.replaceAll("\\s+", " ")).contains("Population 2024", "Commodités de base", "Médicaments essentiels",
                "Affectations et mobilité", "Complétude", "Supervision des ESSP du", "Reprise par le GST : date non fixée",
                "Chaînes de transmission de la zone (schéma)", "Liste de contrôle du système d’information (PRISM), par niveau");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(5);
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void arabicPdfContainsArabicProvinceNames() throws Exception {
        Path file = export("region:01", "ar", ReportFormat.PDF);
        String text = text(file).replaceAll("\\s+", " ");
        String province = Normalizer.normalize("طنجة-أصيلة", Normalizer.Form.NFKC); // Tanger-Assilah, region 01
        String reversed = new StringBuilder(province).reverse().toString();
        assertThat(text.contains(province) || text.contains(reversed)).as(text).isTrue();
        assertThat(text).contains("الفهرس"); // table of contents
    }

    @Test
    void cancelledExportLeavesNoFile() throws Exception {
        Path target = dir.resolve("cancelled");
        Files.createDirectories(target);
        Path out = target.resolve("report.pdf");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> ReportExporter.export(mission.dsl(), ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR),
                    ReportFormat.PDF, out, ExportProgress.NONE)).isInstanceOf(ExportCancelledException.class);
        } finally {
            Thread.interrupted();
        }
        ReportData data = ReportDataCollector.load(mission.dsl()).collect(ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR));
        Path xlsx = target.resolve("report.xlsx");
        ExportProgress cancelMidway = (stage, done, total) -> {
            if (done > 0) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            assertThatThrownBy(() -> ReportExporter.write(data, ReportFormat.XLSX, xlsx, cancelMidway))
                    .isInstanceOf(ExportCancelledException.class);
        } finally {
            Thread.interrupted();
        }
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void unwritableDestinationGivesAClearError() {
        Path missing = dir.resolve("no-such-folder").resolve("report.xlsx");
        assertThatThrownBy(() -> export(missing, ReportFormat.XLSX))
                .isInstanceOf(ExportException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> export(dir, ReportFormat.PDF))
                .isInstanceOf(ExportException.class).hasMessageContaining("is a folder");
    }

    private static void export(Path out, ReportFormat format) throws ExportException {
        ReportExporter.export(mission.dsl(), ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR), format, out, ExportProgress.NONE);
    }

    @Test
    void unknownScopeIsRefusedClearly() {
        assertThatThrownBy(() -> export("region:99", "fr", ReportFormat.XLSX))
                .isInstanceOf(ExportException.class).hasMessageContaining("no region with code 99");
    }
}
