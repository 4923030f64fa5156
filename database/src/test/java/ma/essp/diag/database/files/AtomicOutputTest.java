package ma.essp.diag.database.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import ma.essp.diag.database.mission.MissionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear whole or not at all, through links, never over what the rule refuses, and leave no temporary file. */
class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void aLinkIsWrittenThroughTheFileItPointsToStaysALinkAndNothingIsLeft() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("r.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("r-link.csv"), target);
        Path written = AtomicOutput.write(link, OutputTarget.Policy.OUTPUT, temp -> Files.writeString(temp, "new"));
        assertThat(written).isEqualTo(target.toRealPath());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(names(dir)).containsExactlyInAnyOrder("real", "r-link.csv");
        assertThat(names(real)).containsExactly("r.csv");
    }

    @Test
    void theTemporaryFileIsNextToTheRealDestinationAndCarriesOurName() throws Exception {
        Path[] seen = new Path[1];
        AtomicOutput.write(dir.resolve("t.csv"), OutputTarget.Policy.OUTPUT, temp -> {
            seen[0] = temp;
            Files.writeString(temp, "x");
        });
        assertThat(seen[0].getParent()).isEqualTo(dir.toRealPath());
        assertThat(seen[0].getFileName().toString())
                .matches("\\.essp-diag-" + ProcessHandle.current().pid() + "-[0-9a-f]{16}\\.part");
        assertThat(names(dir)).containsExactly("t.csv");
    }

    @Test
    void aRefusedDestinationIsLeftAsItWasAndTheBodyNeverRuns() throws Exception {
        Path mission = dir.resolve("m.essp");
        MissionFile.create(mission).close();
        String before = sha256(mission);
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> AtomicOutput.write(dir.resolve("sub/../m.essp"), OutputTarget.Policy.OUTPUT, temp -> ran.set(true)))
                .isInstanceOf(OutputRefusedException.class);
        Files.createDirectories(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicOutput.write(dir.resolve("sub/../m.essp"), OutputTarget.Policy.OUTPUT, temp -> ran.set(true)))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("SQLite database");
        assertThat(ran).isFalse();
        assertThat(sha256(mission)).isEqualTo(before);
        assertThat(names(dir)).containsExactlyInAnyOrder("m.essp", "sub");
    }

    @Test
    void aFifoIsRefusedBeforeAnyWork() throws Exception {
        Path fifo = OutputTargetTest.Fifos.make(dir.resolve("out.csv"));
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> AtomicOutput.write(fifo, OutputTarget.Policy.ANY_REGULAR_FILE, temp -> ran.set(true)))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("not a regular file");
        assertThat(ran).isFalse();
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(names(dir)).containsExactly("out.csv");
    }

    @Test
    void aFailingBodyKeepsThePreviousFileAndLeavesNoTemporaryFile() throws Exception {
        Path out = Files.writeString(dir.resolve("r.csv"), "previous");
        assertThatThrownBy(() -> AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, temp -> {
            Files.writeString(temp, "half");
            Files.writeString(Path.of(temp + "-wal"), "sqlite leftovers");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(out)).isEqualTo("previous");
        assertThat(names(dir)).containsExactly("r.csv");
    }

    @Test
    void aDestinationThatBecomesAMissionMeanwhileIsNotReplaced() throws Exception {
        Path out = dir.resolve("late.essp");
        assertThatThrownBy(() -> AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, temp -> {
            Files.writeString(temp, "report");
            MissionFile.create(out).close(); // another program puts a mission there while the report is written
        })).isInstanceOf(OutputRefusedException.class);
        assertThat(OutputTarget.isSqlite(out)).isTrue();
        assertThat(names(dir)).allMatch(n -> n.startsWith("late.essp"));
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static java.util.List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
