package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code essp-diag merge}: the summary, the exit codes, --dry-run, --take, --report and --undo. */
class MergeCommandTest {

    @TempDir
    Path dir;
    Path a;
    Path b;

    @BeforeEach
    void twoLaptopsWithAConflictAndAOneSidedEdit() throws Exception {
        Path base = dir.resolve("base.essp");
        FixtureMission.create(base).close();
        a = dir.resolve("a.essp");
        b = dir.resolve("b.essp");
        Files.copy(base, a);
        Files.copy(base, b);
        edit(a, EditContext.system("amina"), "E001", 31_000);
        EditContext brahim = new EditContext("brahim", "laptop-B", java.time.Clock.systemUTC());
        edit(b, brahim, "E001", 32_000);
        edit(b, brahim, "E002", 41_000);
    }

    private static void edit(Path file, EditContext who, String code, int population) throws Exception {
        try (MissionFile m = MissionFile.open(file, file.resolveSibling("backups"))) {
            EsspRecord e = m.dsl().selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
            SyncedRows.update(m.dsl(), who, ESSP, e.getId(), e.getVersion(), Map.of(ESSP.POPULATION_SERVED, population));
        }
    }

    private static int population(Path file, String code) throws Exception {
        try (MissionFile m = MissionFile.open(file, file.resolveSibling("backups"))) {
            return m.dsl().select(ESSP.POPULATION_SERVED).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne().value1();
        }
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aConflictWithoutADecisionIsListedAndNothingIsMerged() throws Exception {
        String before = sha(a);
        CliTest.Run r = CliTest.run("merge", a.toString(), "--from", b.toString(), "--as", "Amina Alaoui");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("essp                                 0       1       0        0         1          0")
                .contains("Conflicts (--take mine|theirs):")
                .contains("essp E001 CSU Médina: population_served  base 30000, mine 31000, theirs 32000");
        assertThat(r.err()).contains("1 decision(s) needed");
        assertThat(sha(a)).isEqualTo(before);

        CliTest.Run dry = CliTest.run("merge", a.toString(), "--from", b.toString(), "--dry-run", "--take", "theirs");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run: nothing written; the merge can be applied as given");
        assertThat(sha(a)).isEqualTo(before);
    }

    @Test
    void takeTheirsMergesAndUndoPutsTheFileBack() throws Exception {
        CliTest.Run r = CliTest.run("merge", a.toString(), "--from", b.toString(), "--take", "theirs", "--as", "Amina Alaoui");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Merged: run \\d+, 2 row\\(s\\) written, 2 audit row\\(s\\) copied; backup ");
        assertThat(population(a, "E001")).isEqualTo(32_000);
        assertThat(population(a, "E002")).isEqualTo(41_000);
        String run = r.out().replaceAll("(?s).*--undo (\\d+).*", "$1").strip();

        CliTest.Run again = CliTest.run("merge", a.toString(), "--from", b.toString(), "--as", "Amina Alaoui");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Nothing to merge");

        CliTest.Run undo = CliTest.run("merge", a.toString(), "--undo", run, "--as", "Amina Alaoui");
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("merge " + run + " undone (2 row(s) written)");
        assertThat(population(a, "E001")).isEqualTo(31_000);
        assertThat(population(a, "E002")).isEqualTo(40_000);
        CliTest.Run twice = CliTest.run("merge", a.toString(), "--undo", run, "--as", "Amina Alaoui");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("already undone");
    }

    @Test
    void theReportListsTheSummaryAndEveryChangedField() throws Exception {
        Path report = dir.resolve("merge-report.xlsx");
        CliTest.Run r = CliTest.run("merge", a.toString(), "--from", b.toString(), "--dry-run", "--report", report.toString());
        assertThat(r.exit()).isEqualTo(1);
        try (InputStream in = Files.newInputStream(report); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheet("Summary").getRow(1).getCell(0).getStringCellValue()).isEqualTo("essp");
            assertThat(book.getSheet("Summary").getRow(1).getCell(5).getNumericCellValue()).isEqualTo(1.0);
            var fields = book.getSheet("Fields");
            assertThat(fields.getLastRowNum()).isEqualTo(2);
            assertThat(fields.getRow(1).getCell(4).getStringCellValue()).isEqualTo("population_served");
        }
    }

    @Test
    void aFileOfAnotherMissionIsRefusedWithExitTwo() throws Exception {
        Path other = dir.resolve("other.essp");
        FixtureMission.create(other).close();
        CliTest.Run r = CliTest.run("merge", a.toString(), "--from", other.toString(), "--take", "mine");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("a file of another mission");
    }
}
