package ma.essp.diag.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package-time training run of the launcher's AOT cache really runs the commands it is meant to warm up. */
class AotTrainingTest {

    @TempDir
    Path dir;

    @Test
    void theTrainingRunsEveryCommandOnTheSmallDemoAndWritesBothReports() throws Exception {
        // the bundled demo is made at prepare-package, after the tests: generate the same one here
        Path mission = dir.resolve("small.essp");
        new DemoMissionGenerator().generate(mission, DemoScale.SMALL, DemoMissionGenerator.DEFAULT_SEED, DemoProgress.NONE);

        int code = AotTraining.run(mission, dir.resolve("work"), dir.resolve("home/backups"), AotTraining.Target.COMMAND_LINE);

        assertThat(code).isZero();
        Path xlsx = dir.resolve("work/aot.xlsx");
        Path pdf = dir.resolve("work/aot.pdf");
        // real files, not empty shells: a zip (xlsx) and a PDF of some size
        assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }
}
