package ma.essp.diag.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.database.demo.DemoScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's scratch file: a run that failed before its end left {@code empty-schema.essp} (and SQLite's files beside
 * it) in the bench folder, and the next run refused with "the file already exists". A run now starts by deleting it and
 * deletes it at its end.
 */
class MissionBenchmarksScratchTest {

    @TempDir
    Path work;

    @Test
    void aScratchFileLeftByAFailedRunNoLongerStopsTheNextOne() throws Exception {
        Path leftover = work.resolve("empty-schema.essp");
        Files.writeString(leftover, "left by a run that failed");
        Files.writeString(work.resolve("empty-schema.essp-wal"), "its WAL");
        StringWriter out = new StringWriter();

        BenchReport report = new MissionBenchmarks(work, DemoScale.SMALL, new PrintWriter(out)).only("no case has this name").runAll();

        assertThat(report).isNotNull();
        assertThat(out.toString()).contains("measuring: generate demo mission (small)").doesNotContain("already exists");
        assertThat(leftover).doesNotExist(); // deleted at the end of the run too
        assertThat(work.resolve("empty-schema.essp-wal")).doesNotExist();
        assertThat(work.resolve("bench-small.essp")).exists();
    }
}
