package ma.essp.diag.database.files;

import static ma.essp.diag.database.files.AtomicOutputTest.names;
import static ma.essp.diag.database.files.AtomicOutputTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import ma.essp.diag.database.demo.DemoMissionGenerator;
import ma.essp.diag.database.demo.DemoProgress;
import ma.essp.diag.database.demo.DemoScale;
import ma.essp.diag.database.mission.MissionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Save a copy" and the demo's --force follow the output rule. */
class MissionOutputsTest {

    @TempDir
    Path dir;

    @Test
    void aCopyNeverReplacesTheMissionItselfNorAnotherOne() throws Exception {
        Path other = dir.resolve("other.essp");
        MissionFile.create(other).close();
        String otherBefore = sha256(other);
        try (MissionFile mission = MissionFile.create(dir.resolve("m.essp"))) {
            String before = sha256(mission.path());
            Path link = Files.createSymbolicLink(dir.resolve("copy.essp"), mission.path());
            for (Path target : new Path[] {mission.path(), dir.resolve("x/../m.essp"), link, other, dir.resolve("m.essp-wal")}) {
                assertThatThrownBy(() -> mission.copyTo(target)).as(target.toString()).isInstanceOf(OutputRefusedException.class);
            }
            assertThat(sha256(mission.path())).isEqualTo(before);
            assertThat(sha256(other)).isEqualTo(otherBefore);
            mission.copyTo(dir.resolve("fresh.essp"));
            assertThat(MissionFile.inspect(dir.resolve("fresh.essp")).schemaVersion()).isPositive();
        }
        assertThat(names(dir)).noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void theDemosForceReplacesARegularFileButNeverAPipeOrAFolder() throws Exception {
        Path fifo = OutputTargetTest.Fifos.make(dir.resolve("demo.essp"));
        DemoMissionGenerator generator = new DemoMissionGenerator();
        assertThatThrownBy(() -> generator.generate(fifo, DemoScale.SMALL, 1, true, DemoProgress.NONE))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        Path folder = Files.createDirectories(dir.resolve("folder.essp"));
        assertThatThrownBy(() -> generator.generate(folder, DemoScale.SMALL, 1, true, DemoProgress.NONE))
                .isInstanceOf(OutputRefusedException.class).hasMessageContaining("it is a folder");
        assertThat(names(dir)).containsExactlyInAnyOrder("demo.essp", "folder.essp");
    }
}
