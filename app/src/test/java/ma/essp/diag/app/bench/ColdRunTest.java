package ma.essp.diag.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColdRunTest {

    @Test
    void readsTheLastLineOfTimeEvenAfterASignalLine() {
        assertThat(ColdRun.parseTime("7.72 1.25 0.31 211492\n")).containsExactly(1560, 211492);
        assertThat(ColdRun.parseTime("Command terminated by signal 15\n5.01 3.50 0.25 402112\n")).containsExactly(3750, 402112);
        assertThat(ColdRun.parseTime("")).containsExactly(-1, -1);
        assertThat(ColdRun.parseTime("Command exited with non-zero status 2\n")).containsExactly(-1, -1);
    }

    @Test
    void summaryIsTheMedianTheRangeAndTheHighestPeak() {
        List<ColdRun> runs = List.of(run(5_000, 900, 300_000), run(3_000, 700, 310_000), run(9_000, 1_000, 290_000),
                run(4_000, 800, 305_000), run(6_000, 850, 299_000));
        ColdRun.Summary s = ColdRun.Summary.of(runs);
        // wall times sorted: 3, 4, 5, 6, 9 s; CPU sorted: 700, 800, 850, 900, 1000 ms
        assertThat(s.medianNanos()).isEqualTo(5_000_000_000L);
        assertThat(s.minNanos()).isEqualTo(3_000_000_000L);
        assertThat(s.maxNanos()).isEqualTo(9_000_000_000L);
        assertThat(s.medianCpuMillis()).isEqualTo(850);
        assertThat(s.peakRssKb()).isEqualTo(310_000);
        assertThat(s.time()).isEqualTo("5.00 s");
        assertThat(s.range()).isEqualTo("3.00 s–9.00 s");
        assertThat(s.rss()).isEqualTo("303 MB"); // 310,000 KB / 1,024
        // an even count: the mean of the two middle values
        assertThat(ColdRun.Summary.of(List.of(run(2_000, 10, 1), run(3_000, 20, 1))).medianNanos()).isEqualTo(2_500_000_000L);
        // unknown memory (no /usr/bin/time) stays unknown
        assertThat(ColdRun.Summary.of(List.of(new ColdRun(1_000_000, -1, -1, 0))).rss()).isEqualTo("-");
    }

    @Test
    void theCommandRunsUnderTimeWhenThereIsOne() {
        Path out = Path.of("/w/time.txt");
        assertThat(ColdProcess.wrapped(List.of("essp-diag", "info", "m.essp"), Path.of("/usr/bin/time"), out))
                .containsExactly("/usr/bin/time", "-f", "%e %U %S %M", "-o", "/w/time.txt", "essp-diag", "info", "m.essp");
        assertThat(ColdProcess.wrapped(List.of("essp-diag", "info"), null, out)).containsExactly("essp-diag", "info");
    }

    @Test
    void theBareProcessGetsTheLaunchersOptionsWithoutProfilingNorTraining() {
        List<String> launcher = List.of("-Djava.io.tmpdir=/d/tmp", "-XX:AOTCache=/a/lib/essp-diag.aot", "-Xlog:aot=off,cds=off",
                "-XX:StartFlightRecording=filename=x.jfr", "-Dessp.app.home=/a", "--module-path", "/a/lib/javafx-base-linux.jar",
                "--add-modules", "javafx.controls,javafx.fxml", "--enable-native-access=javafx.graphics,ALL-UNNAMED",
                "-cp", "/a/lib/app.jar:/a/lib/poi.jar", "ma.essp.diag.app.Main", "bench", "--cold");
        assertThat(ColdBenchmarks.jvmOptions(launcher, "ignored")).containsExactly("-Djava.io.tmpdir=/d/tmp",
                "-XX:AOTCache=/a/lib/essp-diag.aot", "-Xlog:aot=off,cds=off", "-Dessp.app.home=/a",
                "--module-path", "/a/lib/javafx-base-linux.jar", "--add-modules", "javafx.controls,javafx.fxml",
                "--enable-native-access=javafx.graphics,ALL-UNNAMED", "-cp", "/a/lib/app.jar:/a/lib/poi.jar");
        // started some other way (no -cp on its command line): this JVM's class path
        assertThat(ColdBenchmarks.jvmOptions(List.of("-Xmx1g", "ma.essp.diag.app.Main"), "/x.jar"))
                .containsExactly("-Xmx1g", "-cp", "/x.jar");
    }

    @Test
    void theInfoFloorCountsEveryTableLeavingSoftDeletedRowsOut() {
        String sql = ColdBenchmarks.countsSql();
        assertThat(sql).contains("SELECT count(*) FROM essp WHERE deleted = 0;\n");
        assertThat(sql.lines().count()).isEqualTo(ma.essp.diag.database.jooq.DefaultSchema.DEFAULT_SCHEMA.getTables().size());
    }

    @Test
    void cellsGoToTheBareProcessUnchanged(@TempDir Path dir) throws Exception {
        Map<String, List<Object[]>> sheets = new LinkedHashMap<>();
        sheets.put("ESSP", List.of(new Object[] {"Code", "Nom", "Date"}, new Object[] {12, null, LocalDate.of(2026, 12, 7)},
                new Object[] {3.5, "Aït Melloul – ءء", null}));
        sheets.put("Vide", List.of());
        Path file = dir.resolve("cells.bin");
        BareExport.writeSheets(sheets, file);
        Map<String, List<Object[]>> read = BareExport.readSheets(file);
        assertThat(read.keySet()).containsExactly("ESSP", "Vide");
        assertThat(read.get("ESSP")).hasSize(3);
        assertThat(read.get("ESSP").get(0)).containsExactly("Code", "Nom", "Date");
        // numbers travel as doubles: the bare SXSSF writes n.doubleValue() anyway
        assertThat(read.get("ESSP").get(1)).containsExactly(12.0, null, LocalDate.of(2026, 12, 7));
        assertThat(read.get("ESSP").get(2)).containsExactly(3.5, "Aït Melloul – ءء", null);
        assertThat(read.get("Vide")).isEmpty();

        BareExport.writeRows(List.of(new String[] {"a", null}, new String[] {"b"}), file);
        assertThat(BareExport.readSheets(file).get("rows").stream().map(Arrays::asList).toList())
                .containsExactly(Arrays.asList("a", null), List.of("b"));
    }

    private static ColdRun run(long millis, long cpuMillis, long rssKb) {
        return new ColdRun(millis * 1_000_000L, cpuMillis, rssKb, 0);
    }
}
