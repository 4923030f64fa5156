package ma.essp.diag.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.app.cli.IndicesCommandTest.Run;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.SchemaMigrator;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.testing.TestPostgres;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code essp-diag server init|status}, {@code indices --server} and {@code export --server} against a real (embedded) PostgreSQL. */
class ServerCommandTest {

    static TestPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void initCopiesTheMissionFileAndStatusDescribesIt() throws Exception {
        Path file = dir.resolve("fixture.essp");
        FixtureMission.create(file).close();
        String url = postgres.newDatabase();

        Run init = IndicesCommandTest.run("server", "init", "--url", url, "--user", "postgres", "--from", file.toString());

        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("Schema version:  created at " + SchemaMigrator.latestVersion(), "  essp: 7", "Copied:  ");

        Run status = IndicesCommandTest.run("server", "status", "--url", url, "--user", "postgres");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("Schema version:  " + SchemaMigrator.latestVersion() + " (this application: ")
                .contains("Mission:         Mission de test")
                .containsPattern("  essp +7 \\(1 deleted\\)")
                .containsPattern("  region +12\n")
                .contains("Last change per member and device (audit log):");

        // a second init with the file is refused: the server mission is never overwritten
        Run again = IndicesCommandTest.run("server", "init", "--url", url, "--user", "postgres", "--from", file.toString());
        assertThat(again.exit()).isEqualTo(EsspDiagCommand.CANNOT_RUN);
        assertThat(again.err()).contains("essp-diag: the server already holds the mission \"Mission de test\"");
    }

    @Test
    void statusOfAnEmptyDatabaseSaysToInitialiseIt() throws Exception {
        Run status = IndicesCommandTest.run("server", "status", "--url", postgres.newDatabase(), "--user", "postgres");
        assertThat(status.exit()).isEqualTo(EsspDiagCommand.PROBLEMS);
        assertThat(status.out()).contains("Schema version:  none (no mission on this database: run essp-diag server init)");
    }

    @Test
    void aRemoteServerWithoutTlsIsRefusedBeforeAnyConnection() {
        Run status = IndicesCommandTest.run("server", "status", "--url", "jdbc:postgresql://db.sante.example/mission", "--user", "coord");
        assertThat(status.exit()).isEqualTo(EsspDiagCommand.CANNOT_RUN);
        assertThat(status.err()).contains("essp-diag: the server db.sante.example is not on this computer: the connection must be encrypted (TLS)");
    }

    @Test
    void indicesOnTheServerAreTheIndicesOfTheFile() throws Exception {
        Path file = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(file, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        String url = postgres.newMigratedDatabase();
        assertThat(IndicesCommandTest.run("server", "init", "--url", url, "--user", "postgres", "--from", file.toString()).exit()).isZero();

        for (String level : new String[] {"essp", "province", "national"}) {
            Run fromFile = IndicesCommandTest.run("indices", file.toString(), "--level", level, "--weighted");
            Run fromServer = IndicesCommandTest.run("indices", "--server", url, "--user", "postgres", "--level", level, "--weighted");
            assertThat(fromFile.exit()).as(fromFile.err()).isZero();
            assertThat(fromServer.exit()).as(fromServer.err()).isZero();
            assertThat(fromFile.out().lines().count()).as(level).isGreaterThan(1);
            assertThat(fromServer.out()).as(level).isEqualTo(fromFile.out());
        }
        Run json = IndicesCommandTest.run("indices", "--server", url, "--user", "postgres", "--level", "province", "--by", "milieu", "--format", "json");
        assertThat(json.out()).isEqualTo(IndicesCommandTest.run("indices", file.toString(), "--level", "province", "--by", "milieu", "--format", "json").out());
    }

    /** Every sheet's cells as text, sheet by sheet and row by row. */
    static String cells(Path xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            for (Sheet sheet : workbook) {
                text.append("## ").append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(formatter.formatCellValue(cell)).append('\t');
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    @Test
    void theExportOfTheServerMissionIsTheExportOfTheFile() throws Exception {
        Path file = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(file, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        String url = postgres.newMigratedDatabase();
        assertThat(IndicesCommandTest.run("server", "init", "--url", url, "--user", "postgres", "--from", file.toString()).exit()).isZero();

        Run fromFile = IndicesCommandTest.run("export", file.toString(), "--format", "xlsx", "--out", dir.resolve("file.xlsx").toString(),
                "--as-of", "2026-06-30", "--quiet");
        Run fromServer = IndicesCommandTest.run("export", "--server", url, "--user", "postgres", "--format", "xlsx",
                "--out", dir.resolve("server.xlsx").toString(), "--as-of", "2026-06-30", "--quiet");

        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        assertThat(fromServer.exit()).as(fromServer.err()).isZero();
        String[] expected = cells(dir.resolve("file.xlsx")).split("\n", -1);
        String[] actual = cells(dir.resolve("server.xlsx")).split("\n", -1);
        assertThat(String.join("\n", expected)).contains("## Synthèse", "## Registre ESSP").hasSizeGreaterThan(10_000);
        assertThat(actual).hasSameSizeAs(expected);
        // Every cell is the file's but one: a flow's mean observed delay is a sum of doubles made by the database, and
        // SQLite's sum() compensates rounding errors (Kahan-Babuska) where PostgreSQL's sum(double precision) does not,
        // so a mean that falls on a rounding boundary (9.55 days in this demo) is shown as 9.5 from the file and 9.6 from
        // the server (ReportSourceRepository.flowObservations; to be summed exactly on both sides).
        List<String> differences = new ArrayList<>();
        for (int line = 0; line < expected.length; line++) {
            String[] a = expected[line].split("\t", -1);
            String[] b = actual[line].split("\t", -1);
            assertThat(b).as("line %d", line).hasSameSizeAs(a);
            for (int cell = 0; cell < a.length; cell++) {
                if (!a[cell].equals(b[cell])) {
                    differences.add(a[0] + ": " + a[cell] + " -> " + b[cell]);
                }
            }
        }
        assertThat(differences).containsExactly("Rapport mensuel de planification familiale: 9.5 -> 9.6");
    }

    @Test
    void indicesNeedEitherAFileOrAServer() {
        Run neither = IndicesCommandTest.run("indices", "--level", "national");
        assertThat(neither.exit()).isEqualTo(EsspDiagCommand.CANNOT_RUN);
        assertThat(neither.err()).contains("give either a mission FILE or --server URL --user USER");
        Run noUser = IndicesCommandTest.run("indices", "--server", "jdbc:postgresql://localhost/x", "--level", "national");
        assertThat(noUser.err()).contains("--server needs --user");
    }
}
