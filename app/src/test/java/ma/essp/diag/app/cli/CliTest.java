package ma.essp.diag.app.cli;

import static ma.essp.diag.database.jooq.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.DamagedMission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    static final Path BACKUPS = Path.of("target", "test-home", "backups");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EsspDiagCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), BACKUPS,
                ma.essp.diag.app.settings.OsKeyring.NONE);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path newMission() throws Exception {
        Path file = dir.resolve("m.essp");
        MissionFile.create(file).close();
        return file;
    }

    /**
     * The benchmark from a shell, without --dir: it works in a new folder of the application's data folder (under the
     * temporary folder its generated files and exports were refused as outputs), prints the table and removes it.
     */
    @Test
    void benchWithoutADirectoryRunsInTheDataFolderAndLeavesNothing() throws Exception {
        Path home = BACKUPS.toAbsolutePath().getParent();
        Run r = run("bench", "--scale", "small");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("generate demo mission (small)").contains("readiness: all indices, all levels")
                .contains("national workbook (xlsx)").contains("regional PDF with ESSP annex");
        try (var left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("bench-"));
        }
    }

    @Test
    void infoPrintsSchemaVersionAndCounts() throws Exception {
        Run r = run("info", newMission().toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Schema version:  " + ma.essp.diag.database.mission.SchemaMigrator.latestVersion()).containsPattern("region\\s+12").containsPattern("province\\s+83");
        assertThat(r.err()).isEmpty();
    }

    /**
     * {@code info} reads while the integrity check runs beside it: a file damaged where the reading does not look
     * (its last pages) is still refused by the check, with the same message and exit code, and nothing of what was
     * read is printed; the file is left as it was.
     */
    @Test
    void infoOnAFileDamagedWhereItDoesNotReadIsRefusedWithNothingPrinted() throws Exception {
        Path file = newMission();
        byte[] bytes = DamagedMission.scribbleOverItsLastPages(file);
        Run r = run("info", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        // the refusal as before: quick_check's verdict in the message (SQLite's own lines), no stack trace
        assertThat(r.err()).startsWith("essp-diag: ").contains("m.essp: the database is damaged (").doesNotContain("at ma.essp");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void checkIsCleanOnAConsistentMissionAndExitsOneOnAPlantedProblem() throws Exception {
        Path file = newMission();
        assertThat(run("check", file.toString()).exit()).isZero();
        try (MissionFile mission = MissionFile.open(file, dir)) {
            mission.dsl().update(REGION).set(REGION.POPULATION_2024, 1).where(REGION.CODE.eq("08")).execute();
        }
        Run r = run("check", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("1 problem(s)").contains("[region-population] region 08");
    }

    @Test
    void checkWarnsAboutTextTooLongForAnExcelCellButAWarningAloneExitsZero() throws Exception {
        Path file = newMission();
        try (MissionFile mission = MissionFile.open(file, dir)) {
            mission.dsl().execute("INSERT INTO finding (axis, scope_level, kind, title, description, uuid, updated_at, updated_by)"
                    + " VALUES (1, 'national', 'weakness', 'Long', ?, 'u-1', '2026-01-01T00:00:00Z', 'test')", "z".repeat(40_000));
        }
        Run r = run("check", file.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains(": clean (").contains("1 warning(s)")
                .containsPattern("warning \\[text-longer-than-excel-cell\\] finding id \\d+: column description holds 40000 characters");
    }

    @Test
    void aFileThatCannotBeOpenedGivesOneLineOnStderrAndExitTwo() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.essp"), "pas une base");
        for (String command : new String[] {"info", "check"}) {
            Run r = run(command, notes.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n").contains("notes.essp").contains("not a SQLite database");
            assertThat(r.err()).doesNotContain("at ma.essp");
        }
        Run verbose = run("check", "--verbose", notes.toString());
        assertThat(verbose.err()).contains("MissionFileException");
    }

    @Test
    void aMissingFileAndBadUsageExitTwo() {
        assertThat(run("info", dir.resolve("absent.essp").toString()).err()).contains("absent.essp: no such file");
        assertThat(run("info").exit()).isEqualTo(2);
        assertThat(run("frobnicate").exit()).isEqualTo(2);
    }

    /** The names the window's start reads from the annotations are exactly the commands picocli builds. */
    @Test
    void subcommandNamesAreThoseOfTheCommandLine() {
        var cli = new picocli.CommandLine(new EsspDiagCommand(dir.resolve("backups"), dir.resolve("settings.properties")));
        assertThat(EsspDiagCommand.subcommandNames()).containsExactlyElementsOf(cli.getSubcommands().keySet())
                .contains("info", "export", "merge");
    }

    @Test
    void versionNamesTheProduct() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("ESSP Diagnostic");
    }
}
