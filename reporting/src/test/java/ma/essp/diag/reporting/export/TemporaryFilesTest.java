package ma.essp.diag.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ma.essp.diag.database.files.TempFiles;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.export.job.ReportExporter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files of an export live in the user's data folder ({@code <data>/tmp/proc-<pid>-…}), go when the export
 * ends, and what a killed export leaves (its hidden output next to OUT, POI's temporary sheets) is swept at the next
 * start while the previous OUT stays as it was.
 */
class TemporaryFilesTest {

    @TempDir
    Path dir;

    @AfterEach
    void systemDefaults() {
        TempFiles.unconfigure();
    }

    @Test
    void poisTemporarySheetsAreWrittenInThisProcesssFolderAndRemovedAfterTheExport() throws Exception {
        Path tmp = dir.resolve("data").resolve("tmp");
        TempFiles.configure(tmp);
        PoiTempFiles.install();
        Path own = TempFiles.processFolder();
        assertThat(own.getParent()).isEqualTo(tmp);
        Path probe = TempFile.createTempFile("probe", ".xml").toPath();
        assertThat(probe.getParent()).as("POI's strategy").isEqualTo(own);
        Files.delete(probe);

        Path mission = ReportFixture.small(dir);
        List<String> seenWhileWriting = new ArrayList<>();
        try (MissionFile file = MissionFile.open(mission, dir.resolve("backups"))) {
            ReportExporter.export(file.dsl(), new ReportRequest(ReportScope.NATIONAL, ReportLanguage.FR, null, null, "Test", "v1"), ReportFormat.XLSX,
                    dir.resolve("r.xlsx"), (stage, done, total) -> {
                        if (ExportProgress.SAVING.equals(stage)) {
                            seenWhileWriting.addAll(names(own));
                        }
                    });
        }
        assertThat(seenWhileWriting).isNotEmpty().allMatch(n -> n.startsWith("poi-sxssf-sheet"));
        assertThat(names(own)).as("removed when the workbook is done").isEmpty();
        assertThat(dir.resolve("r.xlsx")).isNotEmptyFile();
    }

    @Test
    void anExportKilledMidwayLeavesThePreviousFileAndItsLeftoversAreSweptAtTheNextStart() throws Exception {
        Path tmp = dir.resolve("data").resolve("tmp");
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path out = Files.writeString(reports.resolve("report.xlsx"), "the previous report");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                KilledExport.class.getName(), tmp.toString(), out.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.equals(KilledExport.WRITING)) {
                // start-up output of the child
            }
            assertThat(line).as("the child reached the middle of its export").isEqualTo(KilledExport.WRITING);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        String childPid = Long.toString(child.pid());
        assertThat(names(reports)).as("the hidden output of the killed export")
                .anyMatch(n -> n.startsWith(".essp-diag-" + childPid + "-") && n.endsWith(".part"));
        Path childFolder;
        try (Stream<Path> folders = Files.list(tmp)) {
            childFolder = folders.filter(p -> p.getFileName().toString().startsWith("proc-" + childPid + "-")).findFirst().orElseThrow();
        }
        assertThat(names(childFolder)).as("POI's temporary sheets of the killed export").anyMatch(n -> n.startsWith("poi-sxssf-sheet"));

        TempFiles.configure(tmp); // the next start
        TempFiles.sweep();

        assertThat(names(reports)).containsExactly("report.xlsx");
        assertThat(out).hasContent("the previous report");
        assertThat(childFolder).doesNotExist();
        assertThat(names(tmp.resolve("pending"))).isEmpty();
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The child process: writes a workbook the way the exporter does (AtomicFileWriter, streaming SXSSF with its
     * temporary sheet) and stops in the middle of it until it is killed. No mission: the child starts in a second.
     */
    public static final class KilledExport {
        static final String WRITING = "writing";

        public static void main(String[] args) throws Exception {
            TempFiles.configure(Path.of(args[0]));
            PoiTempFiles.install();
            AtomicFileWriter.write(Path.of(args[1]), out -> {
                try (SXSSFWorkbook wb = new SXSSFWorkbook(10)) {
                    Sheet sheet = wb.createSheet("Registre ESSP");
                    for (int r = 0; r < 100; r++) {
                        sheet.createRow(r).createCell(0).setCellValue("ESSP " + r);
                    }
                    out.write("PK".getBytes(StandardCharsets.US_ASCII)); // a first part of the file is on disk
                    out.flush();
                    System.out.println(WRITING);
                    System.out.flush();
                    Thread.sleep(60_000);
                    wb.write(out);
                }
            });
        }
    }
}
