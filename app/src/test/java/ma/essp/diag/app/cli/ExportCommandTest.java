package ma.essp.diag.app.cli;

import static ma.essp.diag.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.app.cli.CliTest.Run;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.MissionFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code essp-diag export} end to end on the small demo: both formats, every scope level, the failures. */
class ExportCommandTest {

    @TempDir
    static Path dir;
    static Path demo;
    static String region;
    static String province;
    static int circonscription;

    @BeforeAll
    static void demo() throws Exception {
        demo = dir.resolve("demo.essp");
        new DemoMissionGenerator().generate(demo, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);
        try (MissionFile mission = MissionFile.open(demo, dir)) {
            var row = mission.dsl().fetchOne("""
                    SELECT r.code, p.code, c.id FROM essp e JOIN circonscription c ON c.id = e.circonscription_id
                    JOIN province p ON p.id = c.province_id JOIN region r ON r.id = p.region_id
                    WHERE e.deleted = 0 ORDER BY e.id LIMIT 1""");
            region = row.get(0, String.class);
            province = row.get(1, String.class);
            circonscription = row.get(2, Integer.class);
        }
    }

    @Test
    void writesTheWorkbookAndThePdfForEveryScopeLevel() throws Exception {
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"xlsx", "national", "fr"});
        runs.add(new String[] {"pdf", "national", "en"});
        runs.add(new String[] {"pdf", "region:" + region, "ar"});
        runs.add(new String[] {"xlsx", "province:" + province, "ar"});
        runs.add(new String[] {"pdf", "circonscription:" + circonscription, "fr"});
        for (String[] r : runs) {
            Path out = dir.resolve(r[1].replace(':', '_') + "-" + r[2] + "." + r[0]);
            Run run = run("export", demo.toString(), "--format", r[0], "--out", out.toString(), "--scope", r[1],
                    "--lang", r[2], "--quiet", "--author", "Équipe AT");
            assertThat(run.exit()).as(String.join(" ", r) + ": " + run.err()).isZero();
            assertThat(run.out()).contains("written");
            assertThat(out).exists();
            byte[] head = Files.readAllBytes(out);
            assertThat(new String(head, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(r[0].equals("pdf") ? "%PDF" : "PK\u0003\u0004");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("national-fr.xlsx")))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Synthèse");
        }
    }

    @Test
    void sectionsCanBeChosen() throws Exception {
        Path out = dir.resolve("hr-only.xlsx");
        Run run = run("export", demo.toString(), "--format", "xlsx", "--out", out.toString(), "--sections", "hr,findings", "--quiet");
        assertThat(run.exit()).as(run.err()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Synthèse", "RH", "Matrice RH ESSP-GST", "Constats", "Recommandations", "Lisez-moi");
        }
    }

    @Test
    void failuresAreOneLineWithExitTwo() {
        Path missingFolder = dir.resolve("nowhere").resolve("r.pdf");
        Run noFolder = run("export", demo.toString(), "--format", "pdf", "--out", missingFolder.toString());
        assertThat(noFolder.exit()).isEqualTo(2);
        assertThat(noFolder.err().strip()).doesNotContain("\n").contains("does not exist");
        assertThat(missingFolder.getParent()).doesNotExist();

        Run badScope = run("export", demo.toString(), "--format", "xlsx", "--out", dir.resolve("x.xlsx").toString(), "--scope", "region:99");
        assertThat(badScope.exit()).isEqualTo(2);
        assertThat(badScope.err().strip()).isEqualTo("essp-diag: no region with code 99");

        Run badFormat = run("export", demo.toString(), "--format", "docx", "--out", dir.resolve("x.docx").toString());
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown format 'docx'");

        Run badSection = run("export", demo.toString(), "--format", "pdf", "--out", dir.resolve("x.pdf").toString(), "--sections", "budget");
        assertThat(badSection.exit()).isEqualTo(2);
        assertThat(badSection.err()).contains("unknown section 'budget'");
        assertThat(dir.resolve("x.xlsx")).doesNotExist();
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }
}
