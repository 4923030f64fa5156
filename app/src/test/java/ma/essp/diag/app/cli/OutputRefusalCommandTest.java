package ma.essp.diag.app.cli;

import static ma.essp.diag.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import ma.essp.diag.app.cli.CliTest.Run;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output path that resolves to the mission (or any SQLite database, a companion file, a pipe, a folder) is refused
 * in one line with exit code 2, before any work, and the mission is byte for byte what it was.
 */
class OutputRefusalCommandTest {

    @TempDir
    Path dir;
    private Path mission;
    private String before;

    @BeforeEach
    void mission() throws Exception {
        mission = dir.resolve("m.essp");
        FixtureMission.create(mission).close();
        Files.createDirectories(dir.resolve("sub"));
        before = sha256(mission);
    }

    @Test
    void exportAndIndicesNeverReplaceTheMission() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("report.xlsx"), mission);
        for (String out : List.of(mission.toString(), dir.resolve("sub/../m.essp").toString(), link.toString(),
                dir.resolve("m.essp-wal").toString())) {
            for (List<String> args : List.of(List.of("export", mission.toString(), "--format", "xlsx", "--out", out, "--quiet"),
                    List.of("export", mission.toString(), "--format", "pdf", "--out", out, "--quiet"),
                    List.of("indices", mission.toString(), "--level", "region", "--out", out))) {
                Run run = run(args.toArray(String[]::new));
                assertThat(run.exit()).as(args + ": " + run.err()).isEqualTo(2);
                assertThat(run.err().strip()).as(String.join(" ", args)).doesNotContain("\n")
                        .startsWith("essp-diag: " + out + ": refused as an output: it ");
                assertThat(sha256(mission)).as(String.join(" ", args)).isEqualTo(before);
            }
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(names()).containsExactlyInAnyOrder("m.essp", "sub", "report.xlsx");
    }

    @Test
    void aPipeIsNeverReplacedNotEvenByTheDemosForce() throws Exception {
        Path fifo = dir.resolve("out.csv");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeThat(false).as("mkfifo is not available").isTrue();
            return;
        }
        assumeThat(mkfifo.waitFor()).isZero();
        for (List<String> args : List.of(List.of("indices", mission.toString(), "--level", "national", "--out", fifo.toString()),
                List.of("export", mission.toString(), "--format", "xlsx", "--out", fifo.toString(), "--quiet"),
                List.of("demo", "--out", fifo.toString(), "--force"))) {
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exit()).as(args + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().strip()).isEqualTo("essp-diag: " + fifo
                    + ": refused as an output: it is not a regular file (a device, a pipe or a socket)");
            assertThat(Files.isRegularFile(fifo)).isFalse();
        }
        assertThat(names()).containsExactlyInAnyOrder("m.essp", "sub", "out.csv");
    }

    @Test
    void anOrdinaryFileIsStillReplacedThroughALinkWhichStays() throws Exception {
        Path real = Files.writeString(dir.resolve("sub").resolve("indices.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("indices-link.csv"), real);
        Run run = run("indices", mission.toString(), "--level", "national", "--out", link.toString());
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isNotEqualTo("old").contains(",");
        assertThat(sha256(mission)).isEqualTo(before);
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
