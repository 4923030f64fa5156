package ma.essp.diag.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package-time training run of the launcher's AOT cache really runs the commands it is meant to warm up. */
class AotTrainingTest {

    @TempDir
    Path dir;

    @Test
    void theTrainingRunsEveryCommandOnTheBundledDemoAndWritesBothReports() throws Exception {
        int code = AotTraining.run(dir.resolve("work"), dir.resolve("home/backups"));

        assertThat(code).isZero();
        Path xlsx = dir.resolve("work/training.xlsx");
        Path pdf = dir.resolve("work/training.pdf");
        assertThat(xlsx).exists();
        assertThat(pdf).exists();
        // real files, not empty shells: a zip (xlsx) and a PDF header
        assertThat(Files.readAllBytes(xlsx)).startsWith((byte) 'P', (byte) 'K');
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
    }
}
