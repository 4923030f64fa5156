package ma.essp.diag.database.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissionBackupTest {

    @TempDir
    Path dir;

    @Test
    void sweepingRemovesOnlyTheUnfinishedBackupsOfProcessesThatAreGone() throws Exception {
        Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long me = ProcessHandle.current().pid();
        Path abandoned = Files.writeString(dir.resolve("m-schema1-20260101-101010-pid" + gone.pid() + "-0a1b2c3d.essp.part"), "half");
        Path abandonedJournal = Files.writeString(Path.of(abandoned + "-journal"), "half");
        Path inFlight = Files.writeString(dir.resolve("m-schema1-20260101-101010-pid" + me + "-0a1b2c3d.essp.part"), "busy");
        Path finished = Files.writeString(dir.resolve("m-schema1-20260101-101010-pid" + gone.pid() + "-0a1b2c3d.essp"), "kept");
        Path someoneElses = Files.writeString(dir.resolve("report.xlsx.part"), "not ours");

        assertThat(MissionFile.sweepAbandonedBackups(dir)).containsExactly(abandoned);

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.toList()).containsExactlyInAnyOrder(finished, inFlight, someoneElses);
        }
        assertThat(abandonedJournal).doesNotExist();
        assertThat(MissionFile.sweepAbandonedBackups(dir.resolve("none"))).isEmpty();
    }

    @Test
    void aBackupIsVerifiedAgainstTheMissionsRowCounts() throws Exception {
        Path mission = dir.resolve("m.essp");
        MissionFile.create(mission).close();
        Path copy = dir.resolve("copy.essp");
        MissionFile.copyConsistently(mission, copy);
        MissionBackup.verify(mission, copy);

        try (MissionFile opened = MissionFile.open(copy, dir)) {
            opened.dsl().execute("INSERT INTO mission (uuid, name, created_at, updated_at, updated_by) VALUES ('u', 'only in the copy', 't', 't', 'b')");
        }
        assertThatThrownBy(() -> MissionBackup.verify(mission, copy))
                .hasMessageContaining("does not hold the same rows");
    }
}
