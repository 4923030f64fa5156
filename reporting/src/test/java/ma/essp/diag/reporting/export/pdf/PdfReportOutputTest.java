package ma.essp.diag.reporting.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.export.ExportProgress;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportDataCollector;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportRequest;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.export.ReportSection;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF of the small demo mission, pinned: page count, the number of images (charts, map) and a SHA-256 over the
 * text PDFBox extracts page by page (headings, paragraphs, every table cell, the table of contents with its page
 * numbers, running heads and page numbers), so that a refactoring of the writer is proved to print the same report.
 *
 * <p>The expected values were computed on main at 1e7cc3b, before {@code PdfReportWriter} was split into one class
 * per section, by running this test with the values printed
 * ({@code ./mvnw -pl reporting -am verify -Dtest=PdfReportOutputTest -Dsurefire.failIfNoSpecifiedTests=false}). The
 * images' own bytes are printed, not asserted (rasterised text may differ between JDKs); they were compared by hand
 * before and after the split. A deliberate change of the report, the labels or the demo generator changes the values:
 * recompute them the same way and say why in the commit.
 *
 * <p>Changed once since: the report source reads REAL columns as stored (they came back as 32-bit floats through
 * the former string SQL), so the national flow line "central courriel" shows a mean delay of 14,0 days where the
 * float reading printed 14,1 (a value on the rounding boundary of the one printed decimal). Only that cell changed
 * (the extracted text of the three PDFs was compared before and after).
 *
 * <p>Changed again: the cover names the mission's period ("du 12/01/2026 au 18/12/2026") and its team (six members
 * with initials and role), edited on the mission details screen; the cover's map is 40 points shorter so that the
 * longer details stay on the first page (page and image counts unchanged, only the covers' text differs).
 *
 * <p>Changed again (issue 13, one figure one definition): chapter 6 (perpetrator care) is computed by
 * {@code PerpetratorCareFigures} like the Violence (auteurs) screen and {@code figures --axis violence}: its chart shows
 * the sites per EPIS phase planned and actual, and it gains the tables per region (stages, funnel and retention,
 * trained staff still in post) and the referral mix; the national and the Arabic province reports are one page
 * longer (image counts unchanged: the stage chart replaces the former one). The English region report has no
 * chapter 6 and is unchanged.
 *
 * <p>Changed again: chapter 6's table of sites per EPIS phase has its own column widths (layout E8) so that the header
 * "Pérennisation" is no longer broken over two lines; only the French national text digest moves (pages and images
 * unchanged; the Arabic headers were not broken).
 *
 * <p>Training evaluation and collective projects (V19): chapter 7 lists the demo's collective projects (the small
 * demo has no evaluation rows, so no Kirkpatrick table): the national and the Arabic province reports are one page
 * longer, images unchanged; the English region report has no chapter 7 and is unchanged.
 *
 * <p>Issue 14, the next MBA cohort: chapter 7 gains the section costing it like the demo's first MBA cohort (2021,
 * TrainingFigures.referenceScenario, as the Scénario tab): the national and the Arabic province text digests move,
 * pages and images unchanged (the section fits the chapter's pages); the English region report has no chapter 7.
 * <p>Issue 12: chapter 2 gains the rates by report type (reporting and on-time rates with their n, from
 * {@code DataFlowFigures.byReportType}) and chapter 3 the délégations' and GSTs' own complaint systems (V23; the small
 * demo has those of Tétouan and Chefchaouen and the GST of Tanger-Tétouan-Al Hoceima): the national report is one page
 * longer, the Arabic province report's text changes on the same page count (its délégation only), images unchanged;
 * the English region report has neither chapter and is unchanged. Looked at with pdftoppm in French and Arabic.
 *
 * <p>Issue 14, the demo's evaluations: the small demo now has evaluation rows for its held sessions, so chapter 7
 * prints the Kirkpatrick table (per session and per cohort): the national and the Arabic province reports are one
 * page longer, images unchanged; the English region report has no chapter 7 and is unchanged.
 *
 * <p>Issue 14, the experts' origin (V28): chapter 7 gains the table of expert-days by origin (TrainingFigures.expertDays;
 * the small demo splits its cohorts' experts into Moroccan and European lines), and the next MBA cohort is costed with
 * the reference's Moroccan and European experts worked back from those lines (two experts a day, each at its own
 * rate; its introduction says so): the national and the Arabic province reports are one page longer, images
 * unchanged; the English region report has no chapter 7 and is unchanged. Looked at (French national, page 20).
 */
class PdfReportOutputTest {

    @TempDir
    static Path dir;
    static MissionFile mission;

    @BeforeAll
    static void demo() throws Exception {
        Path file = dir.resolve("small.essp");
        new DemoMissionGenerator().generate(file, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        mission = MissionFile.open(file, dir.resolve("backups"));
    }

    @AfterAll
    static void close() {
        mission.close();
    }

    /** National scope: every chapter but the ESSP fact sheets, no circonscription table. */
    @Test
    void nationalFrenchReportIsUnchanged() throws Exception {
        Printed printed = print(new ReportRequest(ReportScope.NATIONAL, ReportLanguage.FR, null, null, "Test", "v1"));
        assertThat(printed.pages()).isEqualTo(27);
        assertThat(printed.images()).isEqualTo(12);
        assertThat(printed.textDigest()).isEqualTo("806df223a6cae13214342c62a66124ed7004de943215e5cc7faf8f453c178b17");
    }

    /** A province, right to left, with the fact sheet of every ESSP. */
    @Test
    void provinceArabicReportWithFactSheetsIsUnchanged() throws Exception {
        Printed printed = print(new ReportRequest(ReportScope.province("01.571"), ReportLanguage.AR, null, null, null, null));
        assertThat(printed.pages()).isEqualTo(60);
        assertThat(printed.images()).isEqualTo(13);
        assertThat(printed.textDigest()).isEqualTo("77b2c30dca652e5df65064c8a2285f23157f74d91b5651b025fa8e3c26f8747a");
    }

    /** A region with a few sections only: the gaps without the readiness chapter's request, and the findings. */
    @Test
    void regionEnglishReportWithSomeSectionsIsUnchanged() throws Exception {
        Printed printed = print(new ReportRequest(ReportScope.region("01"), ReportLanguage.EN,
                EnumSet.of(ReportSection.GAPS, ReportSection.TERRITORY, ReportSection.FINDINGS), null, "Test", null));
        assertThat(printed.pages()).isEqualTo(13);
        assertThat(printed.images()).isEqualTo(5);
        assertThat(printed.textDigest()).isEqualTo("9f41f062b87ce9900a22aba42d3f84eb38b9c6c36ef4dcfe527ad70e7a2e8feb");
    }

    record Printed(int pages, int images, String textDigest, String imageDigest) {
    }

    private static Printed print(ReportRequest request) throws Exception {
        ReportData data = ReportDataCollector.load(mission.dsl()).collect(request);
        Path pdf = dir.resolve(request.scope().toString().replace(':', '_') + "-" + request.language().code() + ".pdf");
        PdfReportWriter writer = new PdfReportWriter(data, ExportProgress.NONE);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            writer.write(out);
        }
        MessageDigest text = MessageDigest.getInstance("SHA-256");
        MessageDigest pixels = MessageDigest.getInstance("SHA-256");
        int images = 0;
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pages = doc.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                text.update(("--- page " + p + "\n" + stripper.getText(doc)).getBytes(StandardCharsets.UTF_8));
                PDPage page = doc.getPage(p - 1);
                images += images(page.getResources(), pixels);
            }
        }
        assertThat(writer.pages()).isEqualTo(pages);
        Printed printed = new Printed(pages, images, HexFormat.of().formatHex(text.digest()),
                HexFormat.of().formatHex(pixels.digest()));
        System.out.println("PDF " + pdf.getFileName() + ": " + printed);
        String keep = System.getProperty("pdf.keep"); // -Dpdf.keep=DIR keeps the PDFs to look at (pdftoppm)
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(pdf, Path.of(keep).resolve(pdf.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return printed;
    }

    private static int images(PDResources resources, MessageDigest pixels) throws IOException {
        int count = 0;
        if (resources == null) {
            return 0;
        }
        for (COSName name : resources.getXObjectNames()) {
            var object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                try (InputStream in = image.createInputStream()) {
                    pixels.update(in.readAllBytes());
                }
                count++;
            } else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                count += images(form.getResources(), pixels);
            }
        }
        return count;
    }
}
